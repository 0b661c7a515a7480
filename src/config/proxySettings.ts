import * as vscode from 'vscode';
import type { ProxyOptions } from '../api/dispatcherFactory';

/** The `http.*` settings that decide how requests leave this machine. */
export const PROXY_SETTINGS = ['http.proxy', 'http.noProxy', 'http.proxyStrictSSL', 'http.proxyAuthorization'] as const;

/**
 * VS Code's proxy settings, read when a client or a token request is made,
 * so API calls and OAuth token requests take the same way out.
 */
export function proxyOptionsFromSettings(): ProxyOptions {
  const http = vscode.workspace.getConfiguration('http');
  const noProxy = http.get<unknown>('noProxy');
  return {
    url: http.get<string>('proxy')?.trim() || undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((h): h is string => typeof h === 'string') : [],
    strictSSL: http.get<boolean>('proxyStrictSSL') !== false,
    authorization: http.get<string>('proxyAuthorization')?.trim() || undefined,
  };
}

export function affectsProxy(e: vscode.ConfigurationChangeEvent): boolean {
  return PROXY_SETTINGS.some((s) => e.affectsConfiguration(s));
}
