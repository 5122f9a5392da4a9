# Validates YAML manifests against the real consul-k8s CRD schemas (../shared/reference/consul-crds) with JsonSchema.Net,
# as tests/MeshOps.Generators.Tests/Crds/SchemaValidationTests.cs does: the storage version's openAPIV3Schema, every
# object with properties closed (additionalProperties: false) since the API server prunes unknown fields silently and
# a misspelt field would otherwise pass here and vanish in the cluster. YAML is read with YamlDotNet as Kubernetes reads
# it (plain true/false/null/numbers typed, quoted values strings). The libraries come from the NuGet cache at the
# versions Directory.Packages.props names; the module keeps its own in its isolated load context.

$ErrorActionPreference = 'Stop'
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
Add-Type -LiteralPath (Join-Path $packages 'yamldotnet/18.1.0/lib/net8.0/YamlDotNet.dll')
# PowerShell ships its own Humanizer, which JsonPointer.Net's cannot replace in the default context: the validator gets
# a context of its own, and is reached through reflection since type literals see the default context only.
$validatorContext = [System.Runtime.Loader.AssemblyLoadContext]::new('MeshOps.Tests.CrdSchema', $false)
foreach ($library in 'humanizer.core/3.0.1/lib/net8.0/Humanizer.dll', 'json.more.net/2.2.0/lib/net8.0/Json.More.dll',
    'jsonpointer.net/6.0.1/lib/net8.0/JsonPointer.Net.dll', 'jsonschema.net/8.0.5/lib/net8.0/JsonSchema.Net.dll') {
    $assembly = $validatorContext.LoadFromAssemblyPath((Join-Path $packages $library))
}
$JsonSchemaType = $assembly.GetType('Json.Schema.JsonSchema', $true)
$EvaluationOptionsType = $assembly.GetType('Json.Schema.EvaluationOptions', $true)
$ListFormat = [Enum]::Parse($assembly.GetType('Json.Schema.OutputFormat', $true), 'List')

function ConvertTo-JsonNode([YamlDotNet.RepresentationModel.YamlNode] $Node) {
    # if, not switch: switch would enumerate a mapping node's children.
    if ($Node -is [YamlDotNet.RepresentationModel.YamlMappingNode]) {
        $object = [System.Text.Json.Nodes.JsonObject]::new()
        foreach ($child in $Node.Children.GetEnumerator()) { $object[$child.Key.Value] = ConvertTo-JsonNode $child.Value }
        return , $object
    }
    if ($Node -is [YamlDotNet.RepresentationModel.YamlSequenceNode]) {
        $array = [System.Text.Json.Nodes.JsonArray]::new()
        foreach ($child in $Node.Children) { $array.Add((ConvertTo-JsonNode $child)) }
        return , $array
    }
    $value = [string]$Node.Value
    if ($Node.Style -ne [YamlDotNet.Core.ScalarStyle]::Plain) { return [System.Text.Json.Nodes.JsonValue]::Create($value) }
    if ($value -cin '', '~', 'null') { return $null }
    if ($value -cin 'true', 'false') { return [System.Text.Json.Nodes.JsonValue]::Create($value -ceq 'true') }
    $integer = 0L
    if ([long]::TryParse($value, [Globalization.NumberStyles]::AllowLeadingSign, [Globalization.CultureInfo]::InvariantCulture, [ref]$integer)) {
        return [System.Text.Json.Nodes.JsonValue]::Create($integer)
    }
    [System.Text.Json.Nodes.JsonValue]::Create($value)
}

function Read-YamlDocuments([string] $Text) {
    $stream = [YamlDotNet.RepresentationModel.YamlStream]::new()
    $stream.Load([IO.StringReader]::new($Text))
    foreach ($document in $stream.Documents) { , (ConvertTo-JsonNode $document.RootNode) }
}

function Close-Schema($Node) {
    # foreach statements and indexers only: a pipeline would unroll the JSON nodes, which are enumerable.
    if ($Node -is [System.Text.Json.Nodes.JsonObject]) {
        $preserve = $Node['x-kubernetes-preserve-unknown-fields']
        $open = $null -ne $preserve -and $preserve.GetValue[bool]()
        $keys = foreach ($entry in $Node) { $entry.Key }
        foreach ($key in $keys) { if ($key.StartsWith('x-kubernetes-')) { [void]$Node.Remove($key) } }
        if ($Node['properties'] -is [System.Text.Json.Nodes.JsonObject] -and -not $Node.ContainsKey('additionalProperties') -and -not $open) {
            $Node['additionalProperties'] = [System.Text.Json.Nodes.JsonValue]::Create($false)
        }
        $keys = foreach ($entry in $Node) { $entry.Key }
        foreach ($key in $keys) { Close-Schema $Node[$key] }
    }
    elseif ($Node -is [System.Text.Json.Nodes.JsonArray]) {
        for ($i = 0; $i -lt $Node.Count; $i++) { Close-Schema $Node[$i] }
    }
}

$schemas = @{}
function Get-CrdSchema([string] $Kind) {
    if (-not $schemas.ContainsKey($Kind)) {
        $file = Join-Path $PSScriptRoot "../../../../shared/reference/consul-crds/consul.hashicorp.com_$($Kind.ToLowerInvariant())*.yaml" | Resolve-Path
        $crd = @(Read-YamlDocuments (Get-Content -LiteralPath $file -Raw))[0]
        $versions = $crd['spec']['versions']
        $version = $versions[0]
        for ($i = 0; $i -lt $versions.Count; $i++) { if ($null -ne $versions[$i]['storage'] -and $versions[$i]['storage'].GetValue[bool]()) { $version = $versions[$i] } }
        $schema = $version['schema']['openAPIV3Schema'].DeepClone()
        Close-Schema $schema
        $schemas[$Kind] = $JsonSchemaType::FromText($schema.ToJsonString(), $null, [uri]"https://meshops.test/crds/$Kind.json", $null)
    }
    $schemas[$Kind]
}

<#
.SYNOPSIS
    Every problem the real CRD schema finds in each Consul document of the YAML text, as "kind/name: location: error";
    nothing when all are valid. Documents of other API groups (v1 Services, ...) are not checked.
#>
function Test-CrdSchema([string] $Yaml) {
    foreach ($document in Read-YamlDocuments $Yaml) {
        if (-not "$($document['apiVersion'])".StartsWith('consul.hashicorp.com/')) { continue }
        $kind = "$($document['kind'])"
        $options = [Activator]::CreateInstance($EvaluationOptionsType)
        $options.OutputFormat = $ListFormat
        $json = [System.Text.Json.JsonDocument]::Parse($document.ToJsonString())
        $results = (Get-CrdSchema $kind).Evaluate($json.RootElement, $options)
        if (-not $results.IsValid) {
            foreach ($detail in @($results.Details | Where-Object { $null -ne $_.Errors -and $_.Errors.Count -gt 0 })) {
                foreach ($error in $detail.Errors.GetEnumerator()) { '{0}/{1}: {2}: {3}' -f $kind, $document['metadata']['name'], $detail.InstanceLocation, $error.Value }
            }
        }
    }
}

Export-ModuleMember -Function Test-CrdSchema
