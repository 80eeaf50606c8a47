// Developer metadata on the spreadsheet or a sheet: key/value pairs that scripts use to recognise
// objects they created, whatever users rename.
import type { EmulatorEnv } from './env';

export interface MetadataSpec {
  id: number;
  key: string;
  value: string | null;
}

export class DeveloperMetadata {
  constructor(
    private env: EmulatorEnv,
    readonly spec: MetadataSpec,
    private owner: DeveloperMetadata[],
  ) {}
  getId(): number {
    this.env.acc.count('DeveloperMetadata.getId');
    return this.spec.id;
  }
  getKey(): string {
    this.env.acc.count('DeveloperMetadata.getKey');
    return this.spec.key;
  }
  getValue(): string | null {
    this.env.acc.count('DeveloperMetadata.getValue');
    return this.spec.value;
  }
  setValue(v: string): this {
    this.env.acc.count('DeveloperMetadata.setValue');
    this.spec.value = v;
    return this;
  }
  remove(): void {
    this.env.acc.count('DeveloperMetadata.remove');
    const i = this.owner.indexOf(this);
    if (i >= 0) this.owner.splice(i, 1);
  }
}

/** Adds metadata to a list owned by a spreadsheet or sheet. */
export function addMetadata(env: EmulatorEnv, list: DeveloperMetadata[], key: string, value?: string): void {
  list.push(new DeveloperMetadata(env, { id: env.nextId(), key, value: value ?? null }, list));
}
