<#
.SYNOPSIS
    Writes a help topic per rule (about_MESH101.help.txt, ...) and an index (about_MeshOps_Rules.help.txt).
.DESCRIPTION
    The topics are written from what Get-MeshRule returns for the built module: the rule catalogue and the rule guide
    compiled into it. They are never edited by hand, so they cannot drift from the rules. Called by the module project
    after each build; see MeshOps.Module.targets.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# about_*.help.txt files are read as plain text: lines stay within 80 columns, as in PowerShell's own topics.
$Width = 80
$Indent = '    '

function Format-Paragraph([string] $Text, [string] $Prefix = $Indent) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if ($line -and ($Prefix.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($Prefix + $line)
            $line = $word
        }
        else {
            $line = if ($line) { "$line $word" } else { $word }
        }
    }
    if ($line) { $lines.Add($Prefix + $line) }
    $lines -join "`n"
}

function Format-Section([string] $Heading, [string[]] $Paragraphs) {
    "$Heading`n" + (@($Paragraphs | ForEach-Object { Format-Paragraph $_ }) -join "`n`n")
}

function Format-Code([string] $Code) { $Code -split "`n" | ForEach-Object { "$Indent$_" } | Join-String -Separator "`n" }

function Format-RuleTopic($Rule) {
    $kind = if ($Rule.CompileTimeOnly) {
        'It is reported only by the MeshOps compiler while a typed mesh (C#) builds, never by Test-MeshConfig.'
    }
    else {
        'Test-MeshConfig reports it.'
    }
    $example = if ($Rule.CompileTimeOnly) {
        "dotnet build    # the compiler reports $($Rule.Id) with file and line"
    }
    else {
        "Test-MeshConfig ./k8s -Rule $($Rule.Id) | Format-List"
    }
    @(
        "TOPIC`n${Indent}about_$($Rule.Id)"
        Format-Section 'SHORT DESCRIPTION' "$($Rule.Id): $($Rule.Title)."
        Format-Section 'LONG DESCRIPTION' @(
            "$($Rule.Id) is a rule of category $($Rule.Category); its findings have severity $($Rule.Severity) unless WHAT IT CHECKS says otherwise. $kind"
            'A finding of this rule reads (values in angle brackets are the facts of the finding):'
            $Rule.Message)
        Format-Section 'WHAT IT CHECKS' $Rule.Checks
        Format-Section 'WHAT IT CANNOT SEE' @(
            $Rule.CannotSee
            'A finding that depends on something listed here may be wrong for your system; a fault hidden there is not found.')
        Format-Section 'FIX' $Rule.Fix
        "CONFIRM`n$(Format-Paragraph 'Each finding names the command that confirms the fix:')`n`n$(Format-Code $Rule.Confirm)"
        "EXAMPLES`n$(Format-Code $example)"
        "SEE ALSO`n${Indent}Get-MeshRule $($Rule.Id)`n${Indent}Test-MeshConfig`n${Indent}about_MeshOps_Rules"
    ) -join "`n`n"
}

function Format-IndexTopic($Rules) {
    $runtime = $Rules | Where-Object { -not $_.CompileTimeOnly } | ForEach-Object { '{0}{1,-8} {2,-8} {3}' -f $Indent, $_.Id, $_.Severity, $_.Title }
    $compiler = $Rules | Where-Object CompileTimeOnly | ForEach-Object { '{0}{1,-8} {2,-8} {3}' -f $Indent, $_.Id, $_.Severity, $_.Title }
    @(
        "TOPIC`n${Indent}about_MeshOps_Rules"
        Format-Section 'SHORT DESCRIPTION' 'The MeshOps rules, what they read, and what no rule can see.'
        Format-Section 'LONG DESCRIPTION' @(
            'Test-MeshConfig reads Kubernetes and Consul manifests offline and judges them with the rules below. Every rule has its own topic (Get-Help about_MESH101) and is described by Get-MeshRule.'
            'No rule sees more than the inputs it is given. Objects that are not among them (Services and ConfigMaps installed by Helm charts or operators, manifests kept in other folders, intentions and config entries written with the consul CLI), what runs in a cluster, what application code does, and Consul Enterprise namespaces and partitions are outside every rule. Objects written without a namespace are taken to be in "default". Each rule says what else it cannot see.')
        "RUNTIME RULES (Test-MeshConfig)`n$($runtime -join "`n")"
        "COMPILE-TIME RULES (MeshOps compiler only)`n$($compiler -join "`n")"
        "SEE ALSO`n${Indent}Get-MeshRule`n${Indent}Test-MeshConfig"
    ) -join "`n`n"
}

function Write-Topic([string] $Name, [string] $Text) {
    [System.IO.File]::WriteAllText((Join-Path $OutputDirectory "$Name.help.txt"), "$Text`n", [System.Text.UTF8Encoding]::new($false))
}

Import-Module -Name $ModulePath -Force
$rules = @(Get-MeshRule)
# Start empty, so the topic of a rule that was removed does not linger.
if (Test-Path -LiteralPath $OutputDirectory) { Remove-Item -LiteralPath $OutputDirectory -Recurse -Force }
$null = New-Item -ItemType Directory -Force -Path $OutputDirectory
foreach ($rule in $rules) { Write-Topic "about_$($rule.Id)" (Format-RuleTopic $rule) }
Write-Topic 'about_MeshOps_Rules' (Format-IndexTopic $rules)
Write-Host "Help topics for $($rules.Count) rule(s) written to $OutputDirectory"
