# The Should operators -BeReachable, -BeDenied and -HaveNoMeshFinding (issue 15), dot-sourced into a dynamic module of
# their own (hence script:) when Checks/PesterOperators.cs registers them with Pester 5: a session without Pester never reads them.
# The verdicts come from the objects the cmdlets return (PathReport.Passed and its hops, IntentionCheckResult.Decision,
# Finding.Severity): these functions only judge which of them the assertion asked for and say so in Pester's words.
# SDK types live in the module's own load context, so inputs are recognised by type name and enums compared as text.

$script:PathReportType = 'MeshOps.Paths.PathReport'
$script:IntentionResultType = 'MeshOps.Intentions.IntentionCheckResult'
$script:FindingType = 'MeshOps.Analysis.Finding'
$script:SeverityRank = @{ Info = 0; Warning = 1; Error = 2 }

function script:Format-MeshBecause([string] $Because) {
    if ([string]::IsNullOrWhiteSpace($Because)) { return '' }
    # Pester's own form (Format-Because): "Expected x, because y, but got z."
    " because $($Because.Trim() -replace '^because\s+'),"
}

function script:Test-MeshType($Value, [string] $TypeName) {
    $null -ne $Value -and $Value.PSObject.TypeNames -contains $TypeName
}

function script:Format-MeshActual($Value) {
    if ($null -eq $Value) { return 'nothing' }
    $text = "$Value"
    if ($text.Length -gt 80) { $text = $text.Substring(0, 77) + '...' }
    "[$($Value.PSObject.TypeNames[0])] '$text'"
}

function script:Get-MeshHop($Report, [string] $Name) {
    @($Report.Hops) | Where-Object { "$($_.Name)" -eq $Name } | Select-Object -First 1
}

$script:HopVerb = @{ Pass = 'passed'; Fail = 'failed'; Warn = 'warned'; Unknown = 'is unknown'; Skipped = 'was skipped' }

function script:Format-MeshHop($Hop) {
    if ($null -eq $Hop) { return 'the trace has no such hop.' }
    $evidence = @($Hop.Evidence | ForEach-Object { "$_".TrimEnd('.', ' ') }) -join '; '
    $text = "hop $($Hop.Name) $($HopVerb["$($Hop.Status)"])"
    if ($evidence) { $text += ": $evidence" }
    $text = $text.TrimEnd('.') + '.'
    if ($Hop.Fix) { $text += " Fix: $($Hop.Fix.TrimEnd('.'))." }
    if ($Hop.Confirm) { $text += " Confirm: $($Hop.Confirm)" }
    $text
}

function script:Format-MeshResult([bool] $Succeeded, [string[]] $Lines) {
    [pscustomobject]@{ Succeeded = $Succeeded; FailureMessage = if ($Succeeded) { $null } else { $Lines -join [Environment]::NewLine } }
}

function script:ShouldBeReachable($ActualValue, [switch] $Negate, [string] $Because, $From, $To, $Path, $Port, $Namespace, $Context, $Kubeconfig) {
    <#
    .SYNOPSIS
    Asserts that Test-MeshPath finds no failing hop on the path (PathReport.Passed), or with -From/-To traces it first.
    #>
    $because = Format-MeshBecause $Because
    $piped = @($ActualValue | Where-Object { $null -ne $_ })
    if ($null -ne $From -or $null -ne $To) {
        if ($piped.Count -gt 0) {
            return Format-MeshResult $false "Expected either Test-MeshPath results piped in or -From and -To,$because but got both."
        }
        if ($null -eq $From -or $null -eq $To) {
            return Format-MeshResult $false "Expected both -From and -To,$because but got only $(if ($null -eq $From) { '-To' } else { '-From' })."
        }
        $trace = @{ From = [string] $From; To = [string] $To }
        if ($null -ne $Path) { $trace.Path = [string[]] @($Path) }
        if ($null -ne $Port) { $trace.Port = [int] $Port }
        if ($null -ne $Namespace) { $trace.Namespace = [string] $Namespace }
        if ($null -ne $Context) { $trace.Context = [string] $Context }
        if ($null -ne $Kubeconfig) { $trace.Kubeconfig = [string] $Kubeconfig }
        $traceErrors = @()
        try {
            $piped = @(MeshOps\Test-MeshPath @trace -ErrorAction SilentlyContinue -ErrorVariable traceErrors)
        }
        catch {
            $traceErrors = @($_)
        }
        if ($piped.Count -eq 0) {
            # No trace is no verdict: neither reachable nor unreachable.
            $why = @($traceErrors | ForEach-Object { "$_" }) -join ' '
            return Format-MeshResult $false "Expected $From $(if ($Negate) { 'not ' })to reach $To,$because but the path could not be traced: $why"
        }
    }

    if ($piped.Count -eq 0) {
        return Format-MeshResult $false "Expected a Test-MeshPath result ($PathReportType) or -From and -To,$because but got nothing."
    }
    $wrong = @($piped | Where-Object { -not (Test-MeshType $_ $PathReportType) })
    if ($wrong.Count -gt 0) {
        return Format-MeshResult $false "Expected a Test-MeshPath result ($PathReportType),$because but got $(Format-MeshActual $wrong[0])."
    }

    $lines = foreach ($report in $piped) {
        if ($Negate) {
            if ($report.Passed) {
                $statuses = @($report.Hops | ForEach-Object { "$($_.Name) $($_.Status)" }) -join ', '
                "Expected $($report.From) not to reach $($report.To),$because but no hop fails ($statuses)."
            }
        }
        elseif (-not $report.Passed) {
            $hop = Get-MeshHop $report "$($report.RootCause)"
            "Expected $($report.From) to reach $($report.To),$because but $(Format-MeshHop $hop)"
        }
    }
    $lines = @($lines)
    Format-MeshResult ($lines.Count -eq 0) $lines
}

function script:Get-MeshDenyVerdict($Item, [bool] $ExpectAllowed) {
    # Returns why the item is not what was expected (denied, or with -Not allowed); nothing when it is.
    if (Test-MeshType $Item $IntentionResultType) {
        $decision = "$($Item.Decision)"
        $expected = if ($ExpectAllowed) { 'Allowed' } else { 'Denied' }
        if ($decision -eq $expected) { return }
        switch ($decision) {
            'Unknown' { return "the decision is Unknown: $($Item.Explanation)" }
            'DependsOnRequest' { return "the decision depends on the request (L7 permissions): $($Item.Explanation) Describe it with -Method, -PathInfo or -Header." }
            default {
                $where = if ($Item.Location) { " ($($Item.Location))" } else { '' }
                return "it is $decision by $($Item.DecidedBy)$where."
            }
        }
    }

    $intention = Get-MeshHop $Item 'Intention'
    $failing = @($Item.Hops | Where-Object { "$($_.Status)" -eq 'Fail' })
    if ($ExpectAllowed) {
        if ($null -ne $intention -and "$($intention.Status)" -in 'Pass', 'Warn') { return }
        return Format-MeshHop $intention
    }

    if ($failing.Count -eq 0) {
        if ($null -ne $intention -and "$($intention.Status)" -in 'Unknown', 'Skipped') {
            return "the intentions' decision is not known: $(Format-MeshHop $intention)"
        }
        return "the path is reachable: $(Format-MeshHop $intention)"
    }
    if ("$($Item.RootCause)" -ne 'Intention') {
        # A call broken before the intentions are asked is no proof that they deny it.
        return "$(Format-MeshHop (Get-MeshHop $Item "$($Item.RootCause)")) It breaks before the intentions decide, so the deny is not the reason."
    }
    $others = @($failing | Where-Object { "$($_.Name)" -ne 'Intention' })
    if ($others.Count -gt 0) {
        return "the intentions deny it, but $(Format-MeshHop $others[0]) A deny must be the only reason."
    }
}

function script:ShouldBeDenied($ActualValue, [switch] $Negate, [string] $Because) {
    <#
    .SYNOPSIS
    Asserts that the intentions deny each call (Test-MeshIntention Decision Denied, or a Test-MeshPath result whose only failing hop is Intention).
    #>
    $because = Format-MeshBecause $Because
    $expected = if ($Negate) { 'allowed' } else { 'denied' }
    # A zero-trust check pipes a source's answers for every other service here (a thousand in a large mesh): the loop
    # stays free of pipelines and function calls for the answers that are as expected.
    $items = [System.Collections.Generic.List[object]]::new()
    foreach ($value in $ActualValue) { if ($null -ne $value) { $items.Add($value) } }
    if ($items.Count -eq 0) {
        return Format-MeshResult $false "Expected Test-MeshIntention or Test-MeshPath results to be $expected,$because but got nothing."
    }
    $expectedDecision = if ($Negate) { 'Allowed' } else { 'Denied' }
    $misses = [System.Collections.Generic.List[object]]::new()
    foreach ($item in $items) {
        $typeNames = $item.PSObject.TypeNames
        $isIntention = $typeNames.Contains($IntentionResultType)
        if (-not $isIntention -and -not $typeNames.Contains($PathReportType)) {
            return Format-MeshResult $false "Expected a Test-MeshIntention result ($IntentionResultType) or Test-MeshPath result ($PathReportType),$because but got $(Format-MeshActual $item)."
        }
        if ($isIntention -and "$($item.Decision)" -eq $expectedDecision) { continue }
        $why = Get-MeshDenyVerdict $item $Negate.IsPresent
        if ($why) {
            $pair = if ($isIntention) { "$($item.Source) -> $($item.Destination)" } else { "$($item.From) -> $($item.To)" }
            $misses.Add([pscustomobject]@{ Pair = $pair; Why = $why })
        }
    }
    if ($misses.Count -eq 0) { return Format-MeshResult $true @() }
    if ($items.Count -eq 1) {
        return Format-MeshResult $false "Expected $($misses[0].Pair) to be $expected,$because but $($misses[0].Why)"
    }
    $lines = @("Expected $($items.Count) calls to be $expected,$because but $($misses.Count) $(if ($misses.Count -eq 1) { 'is' } else { 'are' }) not:")
    $lines += @($misses | ForEach-Object { "  $($_.Pair): $($_.Why)" })
    Format-MeshResult $false $lines
}

function script:ShouldHaveNoMeshFinding($ActualValue, [switch] $Negate, [string] $Because, $MinimumSeverity, $Rule) {
    <#
    .SYNOPSIS
    Asserts that Test-MeshConfig reported no finding of -MinimumSeverity (Error by default) or worse, of the -Rule IDs when given.
    #>
    $because = Format-MeshBecause $Because
    # Error by default: that is what "the configuration has no errors" means to a CI gate; warnings are advice.
    $minimum = if ($null -eq $MinimumSeverity) { 'Error' } else { "$MinimumSeverity" }
    if (-not $SeverityRank.ContainsKey($minimum)) {
        return Format-MeshResult $false "Expected -MinimumSeverity Error, Warning or Info,$because but got '$minimum'."
    }
    $rules = @($Rule | Where-Object { $_ } | ForEach-Object { "$_" })
    $items = @($ActualValue | Where-Object { $null -ne $_ })
    $wrong = @($items | Where-Object { -not (Test-MeshType $_ $FindingType) })
    if ($wrong.Count -gt 0) {
        return Format-MeshResult $false "Expected Test-MeshConfig findings ($FindingType),$because but got $(Format-MeshActual $wrong[0])."
    }

    $matching = @($items | Where-Object {
            $finding = $_
            $SeverityRank["$($finding.Severity)"] -ge $SeverityRank[$minimum] -and
            ($rules.Count -eq 0 -or @($rules | Where-Object { $finding.RuleId -like $_ }).Count -gt 0)
        })
    $what = "mesh finding of severity $minimum$(if ($minimum -ne 'Info') { ' or worse' })$(if ($rules.Count -gt 0) { " from $($rules -join ', ')" })"
    if ($Negate) {
        if ($matching.Count -gt 0) { return Format-MeshResult $true @() }
        return Format-MeshResult $false "Expected at least one $what,$because but got $(if ($items.Count -eq 0) { 'no finding' } else { "only $($items.Count) other finding(s)" })."
    }
    if ($matching.Count -eq 0) { return Format-MeshResult $true @() }
    $lines = @("Expected no $what,$because but got $($matching.Count):")
    $lines += @($matching | ForEach-Object {
            $fix = if ($_.Fix) { " Fix: $($_.Fix)" } else { '' }
            "  $($_.RuleId) $($_.File):$($_.Line) $($_.Message)$fix"
        })
    Format-MeshResult $false $lines
}

$script:Operators = @(
    @{ Name = 'BeReachable'; InternalName = 'ShouldBeReachable'; Test = ${function:ShouldBeReachable}; SupportsArrayInput = $true }
    @{ Name = 'BeDenied'; InternalName = 'ShouldBeDenied'; Test = ${function:ShouldBeDenied}; SupportsArrayInput = $true }
    @{ Name = 'HaveNoMeshFinding'; InternalName = 'ShouldHaveNoMeshFinding'; Test = ${function:ShouldHaveNoMeshFinding}; SupportsArrayInput = $true }
)

