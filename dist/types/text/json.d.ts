export declare function toJson(value: unknown, indent?: number): string;
