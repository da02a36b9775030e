// The documents of the ecosystem matrix: for every format, an empty file, a realistic existing file without a
// matching block, and existing files with a matching block (same vault, another vault). `⟦*⟧` marks where the user's
// cursor is; a document may put it elsewhere for one reference (`⟦1⟧`, e.g. after `=`) than for several (`⟦n⟧`,
// e.g. on a line of its own). Realistic: each existing document passes its own validator before anything is inserted.
import type { FormatId } from '../../src/references';

export interface MatrixDocument {
  /** `empty`, `existing`, `match-same-vault`, `match-other-vault` (+ a qualifier). */
  readonly id: string;
  readonly fileName: string;
  readonly languageId: string;
  /** The text with cursor markers. */
  readonly marked: string;
}

export const CONTOSO = { name: 'contoso-kv', url: 'https://contoso-kv.vault.azure.net', sub: '00000000-0000-4000-8000-0000000000a1', rg: 'rg-app' };
export const FABRIKAM = { name: 'fabrikam-kv', url: 'https://fabrikam-kv.vault.usgovcloudapi.net', sub: '00000000-0000-4000-8000-0000000000b2', rg: 'rg-ops' };
type Vault = typeof CONTOSO;
const armId = (v: Vault) => `/subscriptions/${v.sub}/resourceGroups/${v.rg}/providers/Microsoft.KeyVault/vaults/${v.name}`;
const sym = (v: Vault) => (v === CONTOSO ? 'contosoKv' : 'fabrikamKv');

/**
 * The document's text and the cursor offset for one or several targets. `⟦*⟧`: the cursor for both. Otherwise
 * `⟦1⟧` is the cursor for one target (for several, the line holding it is not part of the document: it is the slot
 * a user writes for one value) and `⟦n⟧` the cursor for several (for one, only the marker goes).
 */
export function cursorOf(doc: MatrixDocument, several: boolean): { text: string; offset: number } {
  let text = doc.marked;
  if (!text.includes('⟦*⟧')) {
    text = several ? text.split('\n').filter((l) => !l.includes('⟦1⟧')).join('\n').replace('⟦n⟧', '⟦*⟧') : text.replace('⟦n⟧', '').replace('⟦1⟧', '⟦*⟧');
  }
  const offset = text.indexOf('⟦*⟧');
  if (offset < 0) throw new Error(`${doc.id}: no cursor`);
  return { text: text.replace('⟦*⟧', ''), offset };
}

const githubBase = `name: deploy
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`;

const githubWithStep = (v: Vault) => `${githubBase}      - name: Get sql-password from ${v.name}
        id: keyvault
        shell: bash
        run: |
          value="$(az keyvault secret show --vault-name ${v.name} --name sql-password --query value --output tsv)"
          echo "::add-mask::$value"
          echo "sql-password=$value" >> "$GITHUB_OUTPUT"
      - run: ./deploy.sh
        env:
          SQL_PASSWORD: \${{ steps.keyvault.outputs.sql-password }}
      ⟦*⟧
`;

const pipelinesBase = `trigger:
  - main
pool:
  vmImage: ubuntu-latest
steps:
  - script: npm ci
    displayName: Install
`;

const pipelinesWithTask = (v: Vault) => `${pipelinesBase}  - task: AzureKeyVault@2
    displayName: Get secrets from ${v.name}
    inputs:
      azureSubscription: 'prod-connection'
      KeyVaultName: '${v.name}'
      SecretsFilter: 'sql-password'
      RunAsPreJob: false
  - script: ./deploy.sh
    env:
      SQL_PASSWORD: $(sql-password)
  ⟦*⟧
`;

const armBase = (extra: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": {
      "value": "westeurope"
    },
    "appName": {
      "value": "contoso-web"
    }${extra}⟦*⟧
  }
}
`;

const armRef = (v: Vault) => `,
    "sqlPassword": {
      "reference": {
        "keyVault": {
          "id": "${armId(v)}"
        },
        "secretName": "sql-password"
      }
    }`;

const bicepModule = (v: Vault, slot: string) => `module app './app.bicep' = {
  name: 'app'
  params: {
    sqlPassword: ${sym(v)}.getSecret('sql-password')
${slot}  }
}
⟦n⟧`;

const appConfigBase = (extra: string) => `{
  "items": [
    {
      "key": "Settings:BackgroundColor",
      "value": "blue",
      "label": null,
      "content_type": null,
      "tags": {}
    }${extra}⟦*⟧
  ]
}
`;

const appConfigRef = (v: Vault) => `,
    {
      "key": "Settings:SqlPassword",
      "value": "{\\"uri\\":\\"${v.url}/secrets/sql-password\\"}",
      "label": null,
      "content_type": "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8",
      "tags": {}
    }`;

const appSettingsWithSection = (v: Vault) => `{
  "ConnectionStrings": {
    "Sql": "@Microsoft.KeyVault(SecretUri=${v.url}/secrets/sql-connection/)"⟦*⟧
  },
  "AllowedHosts": "*"
}
`;

const csiClass = (v: Vault, cursorInArray: boolean) => `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: ${v.name}
spec:
  provider: azure
  parameters:
    usePodIdentity: "false"
    clientID: "11111111-2222-3333-4444-555555555555"
    keyvaultName: ${v.name}${v === FABRIKAM ? '\n    cloudName: AzureUSGovernmentCloud' : ''}
    tenantId: "00000000-0000-4000-8000-0000000000f1"
    objects: |
      array:
        - |
          objectName: sql-password
          objectType: secret
${cursorInArray ? '        ⟦*⟧\n' : '⟦*⟧'}`;

const terraformBase = `provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = "westeurope"
}
`;

const terraformWithData = (v: Vault) => `${terraformBase}
data "azurerm_key_vault" "${v === CONTOSO ? 'contoso' : 'fabrikam'}" {
  name                = "${v.name}"
  resource_group_name = "${v.rg}"
}

data "azurerm_key_vault_secret" "db_password" {
  name         = "db-password"
  key_vault_id = data.azurerm_key_vault.${v === CONTOSO ? 'contoso' : 'fabrikam'}.id
}

resource "azurerm_linux_web_app" "app" {
  name                = "contoso-web"
  resource_group_name = azurerm_resource_group.app.name
  location            = azurerm_resource_group.app.location
  service_plan_id     = "plan-id"
  site_config {}
  app_settings = {
    DB_PASSWORD  = data.azurerm_key_vault_secret.db_password.value
    SECRET_VALUE = ⟦1⟧
  }
}
⟦n⟧`;

const program = (addVault: string) => `var builder = WebApplication.CreateBuilder(args);
${addVault}var app = builder.Build();
var value = builder.Configuration["⟦1⟧"];
⟦n⟧
app.Run();
`;
const addKeyVault = (v: Vault) => `builder.Configuration.AddAzureKeyVault(new Uri("${v.url}/"), new DefaultAzureCredential());\n`;

const envBase = `ASPNETCORE_ENVIRONMENT=Development
LOG_LEVEL=info
`;

/** Every document a format is placed into. */
export function documentsFor(format: FormatId): MatrixDocument[] {
  switch (format) {
    case 'githubActions':
      return [
        { id: 'empty', fileName: '/w/.github/workflows/deploy.yml', languageId: 'yaml', marked: '⟦*⟧' },
        { id: 'existing (steps list, cursor on a new step line)', fileName: '/w/.github/workflows/deploy.yml', languageId: 'yaml', marked: `${githubBase}      ⟦*⟧\n` },
        { id: 'match-same-vault (a Key Vault step id keyvault, contoso-kv)', fileName: '/w/.github/workflows/deploy.yml', languageId: 'yaml', marked: githubWithStep(CONTOSO) },
        { id: 'match-other-vault (a Key Vault step id keyvault, fabrikam-kv)', fileName: '/w/.github/workflows/deploy.yml', languageId: 'yaml', marked: githubWithStep(FABRIKAM) },
      ];
    case 'azurePipelines':
      return [
        { id: 'empty', fileName: '/w/azure-pipelines.yml', languageId: 'yaml', marked: '⟦*⟧' },
        { id: 'existing (steps list, cursor on a new step line)', fileName: '/w/azure-pipelines.yml', languageId: 'yaml', marked: `${pipelinesBase}  ⟦*⟧\n` },
        { id: 'match-same-vault (AzureKeyVault@2 task, contoso-kv)', fileName: '/w/azure-pipelines.yml', languageId: 'yaml', marked: pipelinesWithTask(CONTOSO) },
        { id: 'match-other-vault (AzureKeyVault@2 task, fabrikam-kv)', fileName: '/w/azure-pipelines.yml', languageId: 'yaml', marked: pipelinesWithTask(FABRIKAM) },
      ];
    case 'armParameter':
      return [
        { id: 'empty', fileName: '/w/infra/main.parameters.json', languageId: 'json', marked: '⟦*⟧' },
        { id: 'existing (cursor after the last parameter)', fileName: '/w/infra/main.parameters.json', languageId: 'json', marked: armBase('') },
        { id: 'match-same-vault (a reference parameter, contoso-kv)', fileName: '/w/infra/main.parameters.json', languageId: 'json', marked: armBase(armRef(CONTOSO)) },
        { id: 'match-other-vault (a reference parameter, fabrikam-kv)', fileName: '/w/infra/main.parameters.json', languageId: 'json', marked: armBase(armRef(FABRIKAM)) },
      ];
    case 'bicep':
      return [
        { id: 'empty', fileName: '/w/infra/main.bicep', languageId: 'bicep', marked: '⟦*⟧' },
        {
          id: 'existing (cursor at the end of the file)', fileName: '/w/infra/main.bicep', languageId: 'bicep',
          marked: `param location string = resourceGroup().location\n\nresource plan 'Microsoft.Web/serverfarms@2023-12-01' = {\n  name: 'contoso-plan'\n  location: location\n  sku: {\n    name: 'B1'\n  }\n}\n⟦*⟧`,
        },
        {
          id: 'match-same-vault (vault symbol, literal name; one: a module param value, several: end of file)', fileName: '/w/infra/main.bicep', languageId: 'bicep',
          marked: `resource contosoKv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'contoso-kv'\n}\n\n${bicepModule(CONTOSO, '    dbPassword: ⟦1⟧\n')}`,
        },
        {
          id: 'match-same-vault (vault symbol, name from a param)', fileName: '/w/infra/main.bicep', languageId: 'bicep',
          marked: `param vaultName string = 'contoso-kv'\n\nresource contosoKv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: vaultName\n}\n\n${bicepModule(CONTOSO, '    dbPassword: ⟦1⟧\n')}`,
        },
        {
          id: 'match-other-vault (vault symbol fabrikamKv)', fileName: '/w/infra/main.bicep', languageId: 'bicep',
          marked: `resource fabrikamKv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'fabrikam-kv'\n}\n\n${bicepModule(FABRIKAM, '    dbPassword: ⟦1⟧\n')}`,
        },
      ];
    case 'bicepparam':
      return [
        { id: 'empty', fileName: '/w/infra/main.bicepparam', languageId: 'bicep-params', marked: '⟦*⟧' },
        { id: 'existing (one: after `param dbPassword =`, several: end of file)', fileName: '/w/infra/main.bicepparam', languageId: 'bicep-params', marked: "using './main.bicep'\n\nparam location = 'westeurope'\nparam dbPassword = ⟦1⟧\n⟦n⟧" },
        {
          id: 'match-same-vault (az.getSecret from contoso-kv; cursor at the end)', fileName: '/w/infra/main.bicepparam', languageId: 'bicep-params',
          marked: `using './main.bicep'\n\nparam sqlPassword = az.getSecret('${CONTOSO.sub}', '${CONTOSO.rg}', 'contoso-kv', 'sql-password')\n⟦*⟧`,
        },
        {
          id: 'match-other-vault (az.getSecret from fabrikam-kv; cursor at the end)', fileName: '/w/infra/main.bicepparam', languageId: 'bicep-params',
          marked: `using './main.bicep'\n\nparam sqlPassword = az.getSecret('${FABRIKAM.sub}', '${FABRIKAM.rg}', 'fabrikam-kv', 'sql-password')\n⟦*⟧`,
        },
      ];
    case 'appConfig':
      return [
        { id: 'empty', fileName: '/w/appconfig.json', languageId: 'json', marked: '⟦*⟧' },
        { id: 'existing KVSet (cursor after the last item)', fileName: '/w/appconfig.json', languageId: 'json', marked: appConfigBase('') },
        { id: 'match-same-vault (a Key Vault reference item, contoso-kv)', fileName: '/w/appconfig.json', languageId: 'json', marked: appConfigBase(appConfigRef(CONTOSO)) },
        { id: 'match-other-vault (a Key Vault reference item, fabrikam-kv)', fileName: '/w/appconfig.json', languageId: 'json', marked: appConfigBase(appConfigRef(FABRIKAM)) },
      ];
    case 'appServiceUri':
    case 'appServiceName':
      return [
        { id: 'empty appsettings.json', fileName: '/w/appsettings.json', languageId: 'json', marked: '⟦*⟧' },
        {
          id: 'existing appsettings.json (cursor after the last property)', fileName: '/w/appsettings.json', languageId: 'json',
          marked: '{\n  "Logging": {\n    "LogLevel": {\n      "Default": "Information"\n    }\n  },\n  "AllowedHosts": "*"⟦*⟧\n}\n',
        },
        { id: 'existing local.settings.json (cursor at the end of Values)', fileName: '/w/api/local.settings.json', languageId: 'json', marked: '{\n  "IsEncrypted": false,\n  "Values": {\n    "AzureWebJobsStorage": "UseDevelopmentStorage=true",\n    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"⟦*⟧\n  }\n}\n' },
        { id: 'match-same-vault (inside "ConnectionStrings", a contoso-kv reference)', fileName: '/w/appsettings.json', languageId: 'json', marked: appSettingsWithSection(CONTOSO) },
        { id: 'match-other-vault (inside "ConnectionStrings", a fabrikam-kv reference)', fileName: '/w/appsettings.json', languageId: 'json', marked: appSettingsWithSection(FABRIKAM) },
      ];
    case 'csi':
      return [
        { id: 'empty', fileName: '/w/k8s/spc.yaml', languageId: 'yaml', marked: '⟦*⟧' },
        {
          id: 'existing (a Deployment, cursor at the end)', fileName: '/w/k8s/app.yaml', languageId: 'yaml',
          marked: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n⟦*⟧',
        },
        { id: 'match-same-vault (SecretProviderClass of contoso-kv, cursor on a new line of its array)', fileName: '/w/k8s/spc.yaml', languageId: 'yaml', marked: csiClass(CONTOSO, true) },
        { id: 'match-other-vault (SecretProviderClass of fabrikam-kv, cursor at the end of the file)', fileName: '/w/k8s/spc.yaml', languageId: 'yaml', marked: csiClass(FABRIKAM, false) },
      ];
    case 'terraform':
      return [
        { id: 'empty', fileName: '/w/infra/main.tf', languageId: 'terraform', marked: '⟦*⟧' },
        { id: 'existing (cursor at the end of the file)', fileName: '/w/infra/main.tf', languageId: 'terraform', marked: `${terraformBase}⟦*⟧` },
        { id: 'match-same-vault (data db_password from contoso-kv; one: after `=`, several: end of file)', fileName: '/w/infra/main.tf', languageId: 'terraform', marked: terraformWithData(CONTOSO) },
        { id: 'match-other-vault (data db_password from fabrikam-kv; one: after `=`, several: end of file)', fileName: '/w/infra/main.tf', languageId: 'terraform', marked: terraformWithData(FABRIKAM) },
      ];
    case 'dotnetKey':
      return [
        { id: 'empty', fileName: '/w/Program.cs', languageId: 'csharp', marked: '⟦*⟧' },
        { id: 'existing (one: inside Configuration["…"], several: a line of its own)', fileName: '/w/Program.cs', languageId: 'csharp', marked: program('') },
        { id: 'match-same-vault (AddAzureKeyVault contoso-kv)', fileName: '/w/Program.cs', languageId: 'csharp', marked: program(addKeyVault(CONTOSO)) },
        { id: 'match-other-vault (AddAzureKeyVault fabrikam-kv)', fileName: '/w/Program.cs', languageId: 'csharp', marked: program(addKeyVault(FABRIKAM)) },
      ];
    case 'uri':
      return [
        { id: 'empty notes.md', fileName: '/w/notes.md', languageId: 'markdown', marked: '⟦*⟧' },
        { id: 'existing .env (one: after `SECRET_URI=`, several: a line of its own)', fileName: '/w/.env', languageId: 'dotenv', marked: `${envBase}SECRET_URI=⟦1⟧\n⟦n⟧` },
        { id: 'match-same-vault (.env with a contoso-kv URI)', fileName: '/w/.env', languageId: 'dotenv', marked: `${envBase}SQL_PASSWORD_URI=${CONTOSO.url}/secrets/sql-password\nSECRET_URI=⟦1⟧\n⟦n⟧` },
        { id: 'match-other-vault (.env with a fabrikam-kv URI)', fileName: '/w/.env', languageId: 'dotenv', marked: `${envBase}SQL_PASSWORD_URI=${FABRIKAM.url}/secrets/sql-password\nSECRET_URI=⟦1⟧\n⟦n⟧` },
      ];
    case 'kvUri':
      return [
        { id: 'empty .env.keyvault', fileName: '/w/.env.keyvault', languageId: 'dotenv', marked: '⟦*⟧' },
        { id: 'existing .env.keyvault (one: after `SECRET=`, several: a line of its own)', fileName: '/w/.env.keyvault', languageId: 'dotenv', marked: `${envBase}SECRET=⟦1⟧\n⟦n⟧` },
        { id: 'match-same-vault (DB_PASSWORD already taken)', fileName: '/w/.env.keyvault', languageId: 'dotenv', marked: `${envBase}DB_PASSWORD=kv://${CONTOSO.name}/sql-password\nSECRET=⟦1⟧\n⟦n⟧` },
      ];
  }
}
