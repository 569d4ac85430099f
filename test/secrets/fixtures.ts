/**
 * Fake credentials for the tests: random characters in each provider's format (generated once with
 * Python's zlib/random, independently of src/secrets). They are split in two so that scanners
 * (this one included) do not report the test sources themselves.
 */
const j = (a: string, b: string) => a + b;

export const FAKE = {
  /** Valid CRC32/base62 checksum. */
  githubPat: j("ghp_", "Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL"),
  githubInstallation: j("ghs_", "Eeeby3abP3E2Zs8IQ9Y7aJZqhB6bae2dTjzx"),
  /** Checksum deliberately broken in the last character. */
  githubPatBadChecksum: j("ghp_", "JXVuLkSIc47WQAmL9xVQ2zg4mZaouq416qWA"),
  npm: j("npm_", "CN6Zj4a3dDVhYRnKTbxTNJFoBinF5a42GyMy"),
  awsKeyId: j("AKIA", "UVW75EFR6EDT4SYW"),
  awsSecret: j("c7Tvo+hBKqFYY+kv5ZJr3J1T", "WDtkwtDDb/xHKas1"),
  gitlab: j("glpat-", "VOqg6YYZYn9ZhyiA4uoR"),
  slackBot: j("xoxb-", "158414678793-1000439717024-KjIg8xNbe3nNyjOq9wMxEhh2"),
  slackWebhook: j("https://hooks.slack.com/services/", "T0A1B2C3D/B0E4F5G6H7/ZyXwVu9876TsRqPo5432NmLk"),
  stripeLive: j(
    "sk_live_",
    "51FDEEtfjgVvVqE1SkHbn88HxjSI6bWHtP3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomHFwUbbYrEqmSM9wCZ7Uw9xfogoEmvnEN",
  ),
  googleApiKey: j("AIza", "a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBd"),
  azureAccountKey: j("GBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2j", "BMptUsGr7CmY+uCu3ZR1zTOlUcR64c=="),
  openai: j(
    "sk-proj-XQLioDnkHIfxIq2HZt-PlJhx2jIclHkCiHp6bR1IqfEouHgxzNNAL5wIScT3Blbk",
    "FJGebcy8F5n3-YNBDRzrZSgqbjG3uhkWKFLf6xuI5aHUQPFeNBTxaQWk8JzF",
  ),
  anthropic: j(
    "sk-ant-api03-",
    "alHlsZfYcMMDktXP-tKsf2rcDkdfrUnW5gcF_Ha6ili8GjHEAD6-Wj9KfzjsQGMrb9h_ImB_LK777pzNk8cL6j5IXAAjlAA",
  ),
  huggingface: j("hf_", "jVHqxiMOGrhTxoFFzbkaFRCztUjAwyuhva"),
  pypi: j(
    "pypi-AgEIcHlwaS5vcmc",
    "PRYpzbLGViYXjU2JgJngKtFI3OyV2dZAkg05rK_gqv81RKMGHZEM9YpvujA-C5Q52ryFlwRlOEVHzc0X0AWIRh-JUqBlIFXZ53Ncqe28_ajY75FnCttn6kfa",
  ),
  twilioKey: j("SK", "471948d33296c87009e8a7f770d9106f"),
  sendgrid: j("SG.", "1kGD2VD-eR1UYzaLiA-zNy.D7CHLn-xC_1hsYgBds1ghxY5OokvQyx7eNWVQ4vnakJ"),
  mailgun: j("key-", "2bd36cb9d21f6be6abf0d7c1c1e21862"),
  shopify: j("shpat_", "ab8a18a8902073fec8df4f50947aaeb2"),
  password: j("%zYuF0ie9Pu", "2njHkAm1@5w"),
  password2: j("oiADN5RpV", "I2XQWhX1s"),
  hexToken: j("988b886e7577496a2c87", "73e130f7eb19731662b5"),
  /** base64 of a random 24-character password, as in a Kubernetes Secret's data. */
  k8sData: j("Q01xWFhROGFnT01U", "TnduY3h2amNucWNN"),
  /** base64 of "svc-deploy:<random>". */
  basicAuth: j("c3ZjLWRlcGxveTpVUDZuMGEw", "dUFSeGxOdGVuY1lGSg=="),
  pemLine1: j("exBoGctlqYwno4gXpyllskVo/EiqTmr0", "DU++keJbamoE3cT/zV2kMmS6ZzTxAW/m"),
  pemLine2: j("KGwd0hdnk+JddcUpIQMNjSSkzuhlFpKf", "7V68gSslWUgphSvsERtifcDOyvfOMk0g"),
};

export const BEGIN = (type: string) => `-----BEGIN ${type}PRIVATE ${"KEY"}-----`;
export const END = (type: string) => `-----END ${type}PRIVATE ${"KEY"}-----`;

/** A signed (random signature) JWT with an expiry far in the future. */
export function makeJwt(
  payload: Record<string, unknown>,
  alg = "HS256",
  signature = "Xq3f9Zb2LkP0sD8vW1mN4tR7yU6iO5aE2gH",
): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${enc({ alg, typ: "JWT" })}.${enc(payload)}.${signature}`;
}
