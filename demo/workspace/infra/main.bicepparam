using 'main.bicep'

param location = 'westeurope'
param databasePassword = az.getSecret('a1b2c3d4-0001-4a5b-8c6d-7e8f90a1b2c3', 'rg-app-prod', 'contoso-prod-kv', 'db-connection-string')
