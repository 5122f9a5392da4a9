<#
.SYNOPSIS
    Summarises Stryker.NET JSON reports (mutation-report.json) for bench/mutation.sh.
.DESCRIPTION
    Prints, per area (the first folder under the mutated project: Rules (Analysis/Rules), Discovery, Analysis, Checks, Intentions), the mutant
    counts by status and the mutation score, then the total. With -SurvivorsFile, also writes the surviving (and
    not covered) mutants of -SurvivorAreas as 'file:line  mutator: original -> replacement', grouped by file.
    Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it; compile errors
    and ignored mutants do not count. NoStrings is the same score without string-literal mutants.
#>
[CmdletBinding()]
param(
    [string] $SurvivorsFile,
    [string[]] $SurvivorAreas = @('Rules', 'Checks', 'Intentions'),
    # The reports, last so that bench/mutation.sh can pass any number of them.
    [Parameter(Mandatory, Position = 0, ValueFromRemainingArguments)] [string[]] $Report
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
$statuses = 'Killed', 'Survived', 'NoCoverage', 'Timeout', 'CompileError', 'RuntimeError', 'Ignored'
$rows = [System.Collections.Generic.List[object]]::new()

foreach ($path in $Report) {
    $json = Get-Content -Raw -LiteralPath $path | ConvertFrom-Json -AsHashtable
    foreach ($entry in $json['files'].GetEnumerator()) {
        $file = [System.IO.Path]::GetFullPath($entry.Key, [string]$json['projectRoot'])
        $relative = [System.IO.Path]::GetRelativePath($repoRoot, $file).Replace('\', '/')
        # src/<Project>/<Area>/...: the area is the first folder inside the project.
        $parts = $relative.Split('/')
        $area = if ($parts.Length -ge 4 -and $parts[0] -eq 'src') { $parts[2] } else { '(other)' }
        # src/MeshOps/Analysis/Rules/... is the Rules area; src/MeshOps/Analysis/*.cs is Analysis.
        if ($area -eq 'Analysis' -and $parts.Length -ge 5 -and $parts[3] -eq 'Rules') { $area = 'Rules' }
        $lines = ([string]$entry.Value['source']) -split "`r?`n"
        foreach ($mutant in $entry.Value['mutants']) {
            $start = $mutant['location']['start']
            $end = $mutant['location']['end']
            $original = if ($start['line'] -eq $end['line']) {
                $lines[$start['line'] - 1].Substring($start['column'] - 1, $end['column'] - $start['column'])
            }
            else {
                $lines[$start['line'] - 1].Substring($start['column'] - 1).TrimEnd() + ' ...'
            }
            $rows.Add([pscustomobject]@{
                    Area        = $area
                    File        = $relative
                    Line        = [int]$start['line']
                    Column      = [int]$start['column']
                    Mutator     = [string]$mutant['mutatorName']
                    Original    = $original
                    Replacement = [string]$mutant['replacement']
                    Status      = [string]$mutant['status']
                })
        }
    }
}

function Get-Counts($group) {
    $counts = [ordered]@{}
    foreach ($status in $statuses) { $counts[$status] = @($group | Where-Object Status -eq $status).Count }
    $detected = $counts.Killed + $counts.Timeout
    $valid = $detected + $counts.Survived + $counts.NoCoverage
    $counts['Score'] = if ($valid -gt 0) { '{0:0.00}%' -f (100.0 * $detected / $valid) } else { 'n/a' }
    # The same without string-literal mutants, most of which change only the wording of a message or an explanation.
    $logic = @($group | Where-Object Mutator -ne 'String mutation')
    $detected = @($logic | Where-Object Status -in 'Killed', 'Timeout').Count
    $valid = $detected + @($logic | Where-Object Status -in 'Survived', 'NoCoverage').Count
    $counts['NoStrings'] = if ($valid -gt 0) { '{0:0.00}%' -f (100.0 * $detected / $valid) } else { 'n/a' }
    $counts
}

$table = foreach ($group in $rows | Group-Object Area | Sort-Object Name) {
    $counts = Get-Counts $group.Group
    [pscustomobject]([ordered]@{ Area = $group.Name; Mutants = $group.Count } + $counts)
}
$total = Get-Counts $rows
$table = @($table) + [pscustomobject]([ordered]@{ Area = 'TOTAL'; Mutants = $rows.Count } + $total)
$table | Format-Table -Property * -AutoSize | Out-String -Width 200 | Write-Host

if ($SurvivorsFile) {
    $text = [System.Text.StringBuilder]::new()
    $null = $text.AppendLine("Surviving and not covered mutants in $($SurvivorAreas -join ', ') (Stryker.NET; file:line:column  status  mutator: original -> replacement; NOCOVER = no test runs the line)")
    foreach ($path in $Report) { $null = $text.AppendLine("report: $((Resolve-Path -LiteralPath $path).Path)") }
    $null = $text.AppendLine()
    $null = $text.AppendLine(($table | Format-Table -Property * -AutoSize | Out-String -Width 200).Trim())
    $survivors = @($rows | Where-Object { $_.Area -in $SurvivorAreas -and $_.Status -in 'Survived', 'NoCoverage' })
    # Logic first; string literals (mostly message and explanation wording) in a section of their own.
    $sections = [ordered]@{
        'LOGIC MUTANTS (all but string literals)' = @($survivors | Where-Object Mutator -ne 'String mutation')
        'STRING-LITERAL MUTANTS (mostly message or explanation text; a few are logic, e.g. IsNullOrEmpty)' = @($survivors | Where-Object Mutator -eq 'String mutation')
    }
    foreach ($section in $sections.GetEnumerator()) {
        $null = $text.AppendLine()
        $null = $text.AppendLine("=== $($section.Key): $($section.Value.Count)")
        foreach ($group in $section.Value | Group-Object File | Sort-Object Name) {
            $null = $text.AppendLine()
            $null = $text.AppendLine("$($group.Name)  ($($group.Count))")
            foreach ($m in $group.Group | Sort-Object Line, Column) {
                $status = if ($m.Status -eq 'NoCoverage') { 'NOCOVER ' } else { 'SURVIVED' }
                $null = $text.AppendLine(('  {0}:{1}:{2}  {3}  {4}: {5} -> {6}' -f $m.File.Split('/')[-1], $m.Line, $m.Column, $status, $m.Mutator, ($m.Original -replace '\s+', ' '), ($m.Replacement -replace '\s+', ' ')))
            }
        }
    }
    # Mutants that never ran: Stryker could not compile them. When it cannot tell which mutant broke a method (typically
    # a pattern variable such as 'x is not { } target || ...' that is no longer definitely assigned once the condition
    # is wrapped), it drops every mutant of that method ('Safe Mode' in its log), so those methods are not judged at all.
    $unjudged = @($rows | Where-Object { $_.Area -in $SurvivorAreas -and $_.Status -eq 'CompileError' })
    $null = $text.AppendLine()
    $null = $text.AppendLine("=== NOT JUDGED (CompileError: the mutant, or its whole method in Stryker's safe mode, could not be compiled): $($unjudged.Count)")
    foreach ($group in $unjudged | Group-Object File | Sort-Object Name) {
        $lines = @($group.Group | ForEach-Object Line | Sort-Object -Unique)
        $null = $text.AppendLine("  $($group.Name): $($group.Count) mutants on lines $($lines -join ', ')")
    }
    Set-Content -LiteralPath $SurvivorsFile -Value $text.ToString()
    Write-Host "Survivors ($(@($survivors).Count)) in $($SurvivorAreas -join ', '): $SurvivorsFile"
}
