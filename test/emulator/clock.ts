/**
 * The emulator's notion of time. Real time by default; tests speed it up or
 * jump it forward so lifecycles and expiries happen without waiting.
 */
export interface EmulatorClock {
  now(): number;
  readonly speed: number;
  setSpeed(factor: number): void;
  advance(ms: number): void;
  /** Sets how far this clock is from real time (the `serverClockSkewMs` variant), on top of speed and advances. */
  setSkew(ms: number): void;
}

export class ScalableClock implements EmulatorClock {
  private anchorReal = 0;
  private anchorEmu = 0;
  private factor = 1;
  private skew = 0;

  constructor(
    private readonly start?: number,
    speed = 1,
  ) {
    this.reset(speed);
  }

  get speed(): number {
    return this.factor;
  }

  now(): number {
    return Math.floor(this.anchorEmu + (Date.now() - this.anchorReal) * this.factor + this.skew);
  }

  setSpeed(factor: number): void {
    if (!(factor >= 0) || !Number.isFinite(factor)) {
      throw new RangeError(`clock speed must be a finite number ≥ 0, got ${factor}`);
    }
    this.anchorEmu = this.now() - this.skew;
    this.anchorReal = Date.now();
    this.factor = factor;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) {
      throw new RangeError(`clock can only advance by ms ≥ 0, got ${ms}`);
    }
    this.anchorEmu += ms;
  }

  setSkew(ms: number): void {
    this.skew = ms;
  }

  /** Back to the start time (or real time) at the given speed. */
  reset(speed = 1): void {
    this.anchorReal = Date.now();
    this.anchorEmu = this.start ?? this.anchorReal;
    this.factor = speed;
  }
}
