// Plain data of certificates as the extension sees them (no SDK types leak). Public material only, except the
// one explicit download of the private part (CertificateWithPrivateKey), which callers write where the user asked.

export type CertificateContentType = 'application/x-pkcs12' | 'application/x-pem-file';

/** What node:crypto reads from the public certificate (cer, DER). */
export interface ParsedCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly selfSigned: boolean;
  readonly serialNumber: string;
  readonly subjectAlternativeNames: {
    readonly dnsNames: readonly string[];
    readonly ipAddresses: readonly string[];
    readonly emails: readonly string[];
    readonly uris: readonly string[];
    readonly other: readonly string[];
  };
  /** Upper-case hex without separators (as the portal and Windows show them). */
  readonly thumbprintSha1: string;
  readonly thumbprintSha256: string;
  readonly validFrom: Date;
  readonly validTo: Date;
  /** "RSA 2048", "EC P-256". */
  readonly keyType: string;
  /** RSA, EC (or node's name of another type). */
  readonly keyAlgorithm: string;
  readonly keySize?: number;
  readonly curve?: string;
  readonly ca: boolean;
  readonly extendedKeyUsages: readonly string[];
}

export interface CertificateLifetimeAction {
  readonly action: 'AutoRenew' | 'EmailContacts';
  readonly daysBeforeExpiry?: number;
  readonly lifetimePercentage?: number;
}

/** The parts of a certificate policy the extension shows and edits. */
export interface CertificatePolicyInfo {
  readonly subject?: string;
  readonly dnsNames?: readonly string[];
  readonly emails?: readonly string[];
  readonly userPrincipalNames?: readonly string[];
  readonly issuerName?: string;
  readonly validityInMonths?: number;
  readonly keyType?: string;
  readonly keySize?: number;
  readonly keyCurveName?: string;
  readonly exportable?: boolean;
  readonly reuseKey?: boolean;
  /** application/x-pkcs12 or application/x-pem-file. */
  readonly contentType?: string;
  readonly lifetimeActions?: readonly CertificateLifetimeAction[];
  readonly enhancedKeyUsage?: readonly string[];
  readonly keyUsage?: readonly string[];
  readonly certificateType?: string;
  readonly certificateTransparency?: boolean;
  readonly enabled?: boolean;
  readonly createdOn?: Date;
  readonly updatedOn?: Date;
}

export interface CertificateDetails {
  readonly name: string;
  readonly id: string;
  readonly version?: string;
  readonly vaultUrl: string;
  readonly enabled: boolean;
  readonly notBefore?: Date;
  readonly expiresOn?: Date;
  readonly createdOn?: Date;
  readonly updatedOn?: Date;
  readonly recoveryLevel?: string;
  readonly recoverableDays?: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly keyId?: string;
  readonly secretId?: string;
  /** The service's SHA-1 thumbprint (upper-case hex), when it returned one. */
  readonly serviceThumbprint?: string;
  /** Parsed from `cer`; undefined while the certificate is pending (no cer yet). */
  readonly certificate?: ParsedCertificate;
  readonly policy?: CertificatePolicyInfo;
  /** Base64 DER of the public certificate (public material). */
  readonly cerBase64?: string;
}

/** A pending or finished certificate operation (create / renew). */
export interface CertificateOperationInfo {
  readonly status: string;
  readonly statusDetails?: string;
  readonly error?: string;
  readonly issuerName?: string;
  readonly requestId?: string;
  readonly cancellationRequested?: boolean;
}

/** The private part, read through the secret of the same name (explicit user action only). */
export interface CertificateWithPrivateKey {
  readonly contentType: CertificateContentType;
  /** PKCS#12 bytes or PEM text bytes. */
  readonly bytes: Uint8Array;
}

export interface NewCertificateRequest {
  readonly name: string;
  readonly subject: string;
  readonly dnsNames: readonly string[];
  readonly validityInMonths: number;
  readonly keyType: 'RSA' | 'EC';
  readonly keySize?: 2048 | 3072 | 4096;
  readonly curve?: 'P-256' | 'P-384' | 'P-521';
  readonly contentType: CertificateContentType;
  readonly exportable: boolean;
  /** Auto-renew this many days before expiry (undefined: e-mail contacts at 80 % of the lifetime). */
  readonly autoRenewDaysBeforeExpiry?: number;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface ImportCertificateRequest {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly format: 'pfx' | 'pem';
  readonly password?: string;
  readonly tags?: Readonly<Record<string, string>>;
}
