/** The fax viewer's webview type: the manifest's onWebviewPanel activation event and the serializer name it too. */
export const FAX_VIEWER_TYPE = 'faxplus.faxViewer';
