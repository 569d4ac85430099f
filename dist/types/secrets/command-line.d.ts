/**
 * Passwords passed as command-line arguments, where no `key = value` shape names them:
 * `mysql -uroot -pS3cret`, `sshpass -p S3cret`, `redis-cli -a S3cret`, `curl -u user:S3cret`,
 * `docker login -p S3cret`, `tool --password S3cret`. (`--password=S3cret` is a key/value pair and the
 * generic detector reads it.) One linear pass: the line is split into shell words once.
 */
export interface CommandLineValue {
    value: string;
    start: number;
    end: number;
    /** `mysql -p`, `curl -u`: what the value was passed to, for the message. */
    via: string;
}
export declare function commandLineSecrets(line: string): CommandLineValue[];
