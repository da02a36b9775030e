param location string = resourceGroup().location

@secure()
param dbPassword string

output location string = location
