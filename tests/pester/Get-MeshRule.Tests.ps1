#Requires -Version 7.6
# Get-MeshRule as a user drives it: the built module, its help topics, findings piped from Test-MeshConfig.
# Its parameter contract fails when someone renames the parameter or the pipeline binding that scripts depend on;
# change it only together with a deliberate, announced break.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    $Rules = @(Get-MeshRule | ForEach-Object { @{ Id = $_.Id; Rule = $_ } })
}

BeforeAll {
    $ModuleDirectory = Join-Path $PSScriptRoot '../../artifacts/MeshOps'
    Import-Module (Join-Path $ModuleDirectory 'MeshOps.psd1') -Force

    # The catalogue itself, from the assembly the rules come from: what Get-MeshRule must list in full.
    $catalog = (Get-MeshRule MESH101).GetType().Assembly.GetType('MeshOps.Rules.Catalog.RuleCatalog')
    $CatalogueIds = @($catalog::All.Id) + @($catalog::CompileTime.Id) | Sort-Object -CaseSensitive
    $CompileTimeIds = @($catalog::CompileTime.Id)

    # Text as a reader gets it, whatever the line breaks: topics wrap at 80 columns.
    function Get-Words([string] $Text) { ($Text -replace '\s+', ' ').Trim() }
}

Describe 'Get-MeshRule parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Get-MeshRule
    }

    It 'is exported with Get-MeshRule as its name' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.Noun | Should -Be 'MeshRule'
    }

    It 'has -Id, a string array at position 0, with wildcards, bound by property name and aliased RuleId' {
        $id = $Command.Parameters['Id']
        $id.ParameterType | Should -Be ([string[]])
        $id.Aliases | Should -Contain 'RuleId'
        $id.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) | Should -HaveCount 1
        $attribute = $id.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        $attribute.Position | Should -Be 0
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        $attribute.Mandatory | Should -BeFalse
    }

    It 'declares its output type' {
        $Command.OutputType.Name | Should -Be 'MeshOps.Rules.Catalog.RuleInfo'
    }
}

Describe 'Get-MeshRule' -Tag Unit {
    It 'lists every rule of the catalogue once, in id order, when no -Id is given' {
        $ids = @(Get-MeshRule).Id
        $ids | Should -Be $CatalogueIds
    }

    It 'writes typed rules with the catalogue and the guide filled in' {
        $rule = Get-MeshRule MESH101
        $rule.GetType().FullName | Should -Be 'MeshOps.Rules.Catalog.RuleInfo'
        $rule.Severity.ToString() | Should -Be 'Error'
        $rule.Category | Should -Be 'Ports'
        $rule.Title | Should -Be 'Service targetPort matches no containerPort'
        $rule.Confirm | Should -Be 'kubectl get endpoints <service> -n <namespace> -o wide'
        $rule.CompileTimeOnly | Should -BeFalse
        foreach ($text in $rule.Checks, $rule.CannotSee, $rule.Fix, $rule.Message) { $text | Should -Not -BeNullOrEmpty }
    }

    It 'marks the compile-time-only rules as such' {
        @(Get-MeshRule | Where-Object CompileTimeOnly).Id | Should -Be $CompileTimeIds
    }

    It 'finds a rule by id in any case' {
        (Get-MeshRule mesh205).Id | Should -Be 'MESH205'
    }

    It 'takes wildcards, case-insensitive, like Get-Command' {
        $ids = @(Get-MeshRule mesh2*).Id
        $ids | Should -Be @($CatalogueIds | Where-Object { $_ -like 'MESH2*' })
        $ids | Should -Contain 'MESH201'
    }

    It 'writes each rule once when several ids and patterns name it' {
        @(Get-MeshRule MESH101, mesh10*, MESH101).Id | Should -Be @($CatalogueIds | Where-Object { $_ -like 'MESH10*' })
    }

    It 'writes a non-terminating MeshOps.RuleNotFound error for an id that matches nothing, and goes on' {
        $rules = @(Get-MeshRule MESH999, MESH101, MESH0* -ErrorVariable failures -ErrorAction SilentlyContinue)

        $rules.Id | Should -Be @('MESH101')
        $failures | Should -HaveCount 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.RuleNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'MESH999'
        $failures[1].TargetObject | Should -Be 'MESH0*'
        $failures[0].Exception.Message | Should -BeLike "*'MESH999'*"
    }

    It 'stops on a missing id under -ErrorAction Stop, as a script expects' {
        { Get-MeshRule MESH999 -ErrorAction Stop } | Should -Throw -ErrorId 'MeshOps.RuleNotFound,MeshOps.PowerShell.Commands.GetMeshRuleCommand'
    }

    It 'takes its own output back by the Id property' {
        @(Get-MeshRule MESH3* | Get-MeshRule).Id | Should -Be @($CatalogueIds | Where-Object { $_ -like 'MESH3*' })
    }

    It 'shows a table of Id, Severity and Title, and everything with Format-List' {
        $table = Get-MeshRule MESH101 | Out-String -Width 200
        $table | Should -Match '(?m)^Id\s+Severity\s+Title\s*$'
        $table | Should -Match 'MESH101\s+Error\s+Service targetPort matches no containerPort'
        $table | Should -Not -Match 'CannotSee'

        $list = Get-MeshRule MESH101 | Format-List | Out-String -Width 200
        foreach ($label in 'Checks', 'CannotSee', 'Fix', 'Confirm', 'CompileTimeOnly') { $list | Should -Match "(?m)^$label\s+:" }
    }
}

Describe 'Get-MeshRule with findings from Test-MeshConfig' -Tag Unit {
    BeforeAll {
        # Two findings of MESH601 and one of MESH102: a Service that selects nothing, two ConfigMaps with passwords.
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'faults')
        Set-Content -LiteralPath (Join-Path $folder 'manifests.yaml') -Value @'
apiVersion: v1
kind: Service
metadata:
  name: payments
spec:
  selector:
    app: payments
  ports:
    - port: 1800
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: payments-db
data:
  DATABASE_URL: postgres://payments:hunter2@postgres:5432/payments
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-db
data:
  DATABASE_URL: postgres://orders:hunter2@postgres:5432/orders
'@
        $Findings = @(Test-MeshConfig -Path $folder.FullName)
    }

    It 'explains the rules of the findings, each once' {
        $Findings.RuleId | Sort-Object | Should -Be @('MESH102', 'MESH601', 'MESH601')

        $explained = @($Findings | Get-MeshRule)

        $explained.Id | Should -Be @('MESH102', 'MESH601')
        $explained[1].Title | Should -Be $Findings.Where({ $_.RuleId -eq 'MESH601' })[0].Title
    }
}

Describe 'Help topic about_<Id>' -Tag Unit -ForEach $Rules {
    BeforeAll {
        $Topic = Get-Words (Get-Help "about_$Id" | Out-String)
    }

    It 'is found by Get-Help' {
        $Topic | Should -BeLike "TOPIC about_$Id SHORT DESCRIPTION $($Id): *"
    }

    It 'says what the rule checks, what it cannot see and the fix, in the words of Get-MeshRule' {
        # The texts hold [, ] and * (wildcards to -BeLike), so they are matched as escaped regular expressions.
        $Topic | Should -MatchExactly ([regex]::Escape("WHAT IT CHECKS $(Get-Words $Rule.Checks) "))
        $Topic | Should -MatchExactly ([regex]::Escape("WHAT IT CANNOT SEE $(Get-Words $Rule.CannotSee) "))
        $Topic | Should -MatchExactly ([regex]::Escape("FIX $(Get-Words $Rule.Fix) "))
        $Topic | Should -MatchExactly ([regex]::Escape(" $(Get-Words $Rule.Confirm) "))
    }
}

Describe 'The rule help topics as a set' -Tag Unit {
    It 'are one per rule and an index, beside the Should operators topic, and nothing else' {
        $topics = @(Get-ChildItem -LiteralPath (Join-Path $ModuleDirectory 'en-US') -Filter 'about_*.help.txt').Name | Sort-Object -CaseSensitive
        $topics | Should -Be (@($CatalogueIds | ForEach-Object { "about_$_.help.txt" }) + 'about_MeshOps_Rules.help.txt' + 'about_MeshOps_Should.help.txt' | Sort-Object -CaseSensitive)
    }

    It 'have an index that lists every rule' {
        $index = Get-Help about_MeshOps_Rules | Out-String
        foreach ($id in $CatalogueIds) { $index | Should -Match "\b$id\b" }
    }

    It 'are listed with their synopsis by Get-Help about_MESH*' {
        # The pattern is case-insensitive, so the index (about_MeshOps_Rules) and about_MeshOps_Should are listed with them.
        $listed = @(Get-Help about_MESH*)
        $listed.Name | Sort-Object -CaseSensitive | Should -Be (@($CatalogueIds | ForEach-Object { "about_$_" }) + 'about_MeshOps_Rules' + 'about_MeshOps_Should' | Sort-Object -CaseSensitive)
        ($listed | Where-Object Name -EQ 'about_MESH101').Synopsis | Should -Be 'MESH101: Service targetPort matches no containerPort.'
    }
}
