<#
.SYNOPSIS
    Writes the module's MAML help from the markdown in this folder and the cmdlets' own parameter metadata.
.DESCRIPTION
    Each <Cmdlet-Name>.md holds the prose (synopsis, description, one section per parameter, inputs, outputs,
    examples, notes). Everything a reader could get wrong by hand (parameter types, sets, positions, aliases,
    pipeline input, wildcards, the syntax lines) is taken from the built cmdlets, so help cannot drift from code.
    A cmdlet without a page, or a page whose parameters differ from the cmdlet's, stops the build.
    Called by the module project after each build; see MeshOps.Module.targets.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourceDirectory,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$mamlNs = 'http://schemas.microsoft.com/maml/2004/10'
$commandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$devNs = 'http://schemas.microsoft.com/maml/dev/2004/10'
$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

# Reads a help page into: Name, and Sections (## heading -> Text lines, Items: ### heading -> lines).
function Read-HelpPage([string] $Path) {
    $page = [ordered]@{ Name = $null; Sections = [ordered]@{} }
    $section = $null
    $item = $null
    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($line -match '^# (.+)$') { $page.Name = $Matches[1].Trim(); continue }
        if ($line -match '^## (.+)$') {
            $section = [ordered]@{ Text = [System.Collections.Generic.List[string]]::new(); Items = [ordered]@{} }
            $page.Sections[$Matches[1].Trim()] = $section
            $item = $null
            continue
        }
        if ($line -match '^### (.+)$') {
            $item = [System.Collections.Generic.List[string]]::new()
            $section.Items[$Matches[1].Trim()] = $item
            continue
        }
        if ($null -ne $item) { $item.Add($line) } elseif ($null -ne $section) { $section.Text.Add($line) }
    }
    $page
}

# Splits markdown lines into paragraphs (blank-line separated, lines joined) and fenced code blocks.
function Split-Block([string[]] $Lines) {
    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') {
            if ($inCode) { $blocks.Add([pscustomobject]@{ Code = $true; Text = $current -join "`n" }) }
            elseif ($current.Count) { $blocks.Add([pscustomobject]@{ Code = $false; Text = $current -join ' ' }) }
            $current = [System.Collections.Generic.List[string]]::new()
            $inCode = -not $inCode
        }
        elseif ($inCode) { $current.Add($line) }
        elseif ($line.Trim() -eq '') {
            if ($current.Count) { $blocks.Add([pscustomobject]@{ Code = $false; Text = $current -join ' ' }) }
            $current = [System.Collections.Generic.List[string]]::new()
        }
        else { $current.Add($line.Trim()) }
    }
    if ($inCode) { throw "An unclosed code fence in: $($Lines -join "`n")" }
    if ($current.Count) { $blocks.Add([pscustomobject]@{ Code = $false; Text = $current -join ' ' }) }
    $blocks
}

function Get-Section($Page, [string] $Name) {
    if (-not $Page.Sections.Contains($Name)) { throw "Help page '$($Page.Name)' has no '## $Name' section." }
    $Page.Sections[$Name]
}

function Write-Paragraphs([System.Xml.XmlWriter] $Writer, [string[]] $Lines) {
    $Writer.WriteStartElement('maml', 'description', $mamlNs)
    foreach ($block in Split-Block $Lines) { $Writer.WriteElementString('maml', 'para', $mamlNs, $block.Text) }
    $Writer.WriteEndElement()
}

function Get-PipelineInput($Parameter) {
    $kinds = @(
        if ($Parameter.ValueFromPipeline) { 'ByValue' }
        if ($Parameter.ValueFromPipelineByPropertyName) { 'ByPropertyName' }
    )
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

# One <command:parameter>; $Parameter is a CommandParameterInfo (one set's view of the parameter).
function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, [string[]] $Lines, [bool] $InSyntax) {
    $type = $Parameter.ParameterType
    $position = if ($Parameter.Position -ge 0) { [string]$Parameter.Position } else { 'named' }
    $wildcards = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $defaultLine = $Lines | Where-Object { $_ -match '^Default value: (.+)$' } | Select-Object -First 1
    $default = if ($defaultLine -match '^Default value: (.+)$') { $Matches[1].Trim() } else { 'None' }
    $prose = $Lines | Where-Object { $_ -notmatch '^Default value: ' }
    $isSwitch = $type -eq [System.Management.Automation.SwitchParameter]

    $Writer.WriteStartElement('command', 'parameter', $commandNs)
    $Writer.WriteAttributeString('required', $Parameter.IsMandatory.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $type.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $wildcards.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $Parameter))
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $mamlNs, $Parameter.Name)
    Write-Paragraphs $Writer $prose
    if ($type.IsEnum -and $InSyntax) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $commandNs)
        foreach ($name in [Enum]::GetNames($type)) {
            $Writer.WriteStartElement('command', 'parameterValue', $commandNs)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($name)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $commandNs)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $type.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString($type.Name)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $devNs)
    $Writer.WriteElementString('maml', 'name', $mamlNs, $type.FullName)
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $devNs, $default)
    $Writer.WriteEndElement()
}

function Write-TypeList([System.Xml.XmlWriter] $Writer, $Section, [string] $ListName, [string] $ItemName) {
    $Writer.WriteStartElement('command', $ListName, $commandNs)
    foreach ($typeName in $Section.Items.Keys) {
        $Writer.WriteStartElement('command', $ItemName, $commandNs)
        $Writer.WriteStartElement('dev', 'type', $devNs)
        $Writer.WriteElementString('maml', 'name', $mamlNs, $typeName)
        $Writer.WriteEndElement()
        Write-Paragraphs $Writer $Section.Items[$typeName]
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter] $Writer, $Page, [System.Management.Automation.CmdletInfo] $Command) {
    $documented = (Get-Section $Page 'PARAMETERS').Items
    $actual = $Command.Parameters.Keys | Where-Object { $_ -notin $commonParameters }
    $undocumented = $actual | Where-Object { -not $documented.Contains("-$_") }
    $unknown = $documented.Keys | Where-Object { $_.TrimStart('-') -notin $actual }
    if ($undocumented -or $unknown) {
        throw "Help page for $($Command.Name) is out of step with the cmdlet. Not documented: $($undocumented -join ', '). No such parameter: $($unknown -join ', ')."
    }
    $examples = (Get-Section $Page 'EXAMPLES').Items
    if ($examples.Count -eq 0) { throw "Help page for $($Command.Name) has no example." }

    $Writer.WriteStartElement('command', 'command', $commandNs)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $mamlNs)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $devNs)

    $Writer.WriteStartElement('command', 'details', $commandNs)
    $Writer.WriteElementString('command', 'name', $commandNs, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $commandNs, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $commandNs, $Command.Noun)
    Write-Paragraphs $Writer (Get-Section $Page 'SYNOPSIS').Text
    $Writer.WriteEndElement()

    Write-Paragraphs $Writer (Get-Section $Page 'DESCRIPTION').Text

    $Writer.WriteStartElement('command', 'syntax', $commandNs)
    foreach ($set in $Command.ParameterSets | Sort-Object { -not $_.IsDefault }, Name) {
        $Writer.WriteStartElement('command', 'syntaxItem', $commandNs)
        $Writer.WriteElementString('maml', 'name', $mamlNs, $Command.Name)
        foreach ($parameter in $set.Parameters | Where-Object Name -notin $commonParameters) {
            Write-Parameter $Writer $parameter $documented["-$($parameter.Name)"] $true
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Described once each, with the attributes of the first set that has it (the default set comes first).
    $Writer.WriteStartElement('command', 'parameters', $commandNs)
    $seen = [System.Collections.Generic.HashSet[string]]::new()
    foreach ($set in $Command.ParameterSets | Sort-Object { -not $_.IsDefault }, Name) {
        foreach ($parameter in $set.Parameters | Where-Object Name -notin $commonParameters) {
            if ($seen.Add($parameter.Name)) { Write-Parameter $Writer $parameter $documented["-$($parameter.Name)"] $false }
        }
    }
    $Writer.WriteEndElement()

    Write-TypeList $Writer (Get-Section $Page 'INPUTS') 'inputTypes' 'inputType'
    Write-TypeList $Writer (Get-Section $Page 'OUTPUTS') 'returnValues' 'returnValue'

    if ($Page.Sections.Contains('NOTES')) {
        $Writer.WriteStartElement('maml', 'alertSet', $mamlNs)
        $Writer.WriteStartElement('maml', 'alert', $mamlNs)
        foreach ($block in Split-Block $Page.Sections['NOTES'].Text) { $Writer.WriteElementString('maml', 'para', $mamlNs, $block.Text) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $commandNs)
    foreach ($title in $examples.Keys) {
        $blocks = @(Split-Block $examples[$title])
        $code = @($blocks | Where-Object Code)
        if ($code.Count -ne 1) { throw "Example '$title' of $($Command.Name) needs exactly one code block." }
        $Writer.WriteStartElement('command', 'example', $commandNs)
        $Writer.WriteElementString('maml', 'title', $mamlNs, "--------- $title ---------")
        $Writer.WriteElementString('dev', 'code', $devNs, $code[0].Text)
        $Writer.WriteStartElement('dev', 'remarks', $devNs)
        foreach ($block in $blocks | Where-Object { -not $_.Code }) { $Writer.WriteElementString('maml', 'para', $mamlNs, $block.Text) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

$module = Import-Module -Name $ModulePath -PassThru -Force
$pages = @{}
foreach ($file in Get-ChildItem -LiteralPath $SourceDirectory -Filter *.md) {
    $page = Read-HelpPage $file.FullName
    if ($page.Name -ne $file.BaseName) { throw "$($file.FullName) must start with '# $($file.BaseName)'." }
    $pages[$page.Name] = $page
}
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$missing = $commands.Name | Where-Object { -not $pages.ContainsKey($_) }
if ($missing) { throw "No help page in $SourceDirectory for: $($missing -join ', ')." }

$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutputPath)
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) { Write-Command $writer $pages[$command.Name] $command }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
Write-Host "Help for $($commands.Count) cmdlet(s) written to $OutputPath"
