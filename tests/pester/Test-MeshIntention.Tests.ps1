#Requires -Version 7.6
# Test-MeshIntention as a user drives it: the built module in a fresh session, HashiCups' intention faults read from
# files and from the simulated cluster (tests/MeshOps.Simulation, reached through a kubeconfig as a real cluster is).
# Its parameter contract fails when someone renames a parameter scripts depend on; change it only with an announced break.

BeforeDiscovery {
    # Every intention fault of examples/hashicups: the pair it concerns, the answer, and what decided it (the
    # ServiceIntentions metadata.name, the sources[] line, the precedence; no name when the default decided).
    $Faults = @(
        @{ Fault = 'MESH201-missing-intention'; Source = 'public-api'; Destination = 'payments'; Decision = 'Denied'; Name = 'deny-all'; Line = 10; Precedence = 5; Consul = 'Denied (agrees)' }
        @{ Fault = 'MESH202-stale-intention'; Source = 'public-api'; Destination = 'inventory'; Decision = 'Allowed'; Name = 'inventory'; Line = 76; Precedence = 9; Consul = 'Allowed (agrees)' }
        # Consul refuses the entry that names public-api twice (Synced=False): its deny-all decides what the CRD allows.
        @{ Fault = 'MESH203-duplicate-source'; Source = 'public-api'; Destination = 'products-api'; Decision = 'Allowed'; Name = 'products-api'; Line = 43; Precedence = 9; Consul = 'Denied (disagrees)' }
        # An L7 intention on postgres, a tcp service: Consul refuses the whole entry (Synced=False) and denies by its
        # deny-all; an answer an L7 intention of ours decides is laid beside ours, not compared.
        @{ Fault = 'MESH204-l7-on-tcp'; Source = 'products-api'; Destination = 'postgres'; Decision = 'Denied'; Name = 'postgres'; Line = 65; Precedence = 9; Consul = 'Denied (L7)' }
        @{ Fault = 'MESH205-unused-intention'; Source = 'products-api'; Destination = 'payments'; Decision = 'Allowed'; Name = 'payments'; Line = 58; Precedence = 9; Consul = 'Allowed (agrees)' }
        # No intention matches: the default decides. The files hold no consul-k8s Helm values, so offline the default is
        # unknown (allow without ACLs, deny with them); the cluster says which.
        @{ Fault = 'MESH206-no-deny-all'; Source = 'frontend'; Destination = 'payments'; Decision = 'Allowed'; Offline = 'Unknown'; Name = $null; Line = 0; Precedence = $null; Consul = 'Allowed (agrees)' }
        # The stray copy's update is refused by the webhook: the payments intention the cluster keeps decides.
        @{ Fault = 'MESH207-intention-renamed'; Source = 'public-api'; Destination = 'payments'; Decision = 'Allowed'; Name = 'payments'; Line = 67; Precedence = 9; Consul = 'Allowed (agrees)' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/EnterpriseMesh.psm1') -Force
    foreach ($name in 'CONSUL_HTTP_ADDR', 'CONSUL_HTTP_TOKEN', 'CONSUL_HTTP_SSL') { Remove-Item "env:$name" -ErrorAction Ignore }
    $Examples = Join-Path $PSScriptRoot '../../examples/hashicups'
    $TypeName = 'MeshOps.Intentions.IntentionCheckResult'

    # The healthy files with a fault folder laid over them (a fault file replaces the healthy file of its name).
    function Get-HashiCupsFiles([string] $Fault) {
        $healthy = @(Get-ChildItem -LiteralPath (Join-Path $Examples 'healthy') -File)
        if (-not $Fault) { return $healthy.FullName }
        $faultFiles = @(Get-ChildItem -LiteralPath (Join-Path $Examples "faults/$Fault") -File)
        @($healthy | Where-Object Name -notin $faultFiles.Name) + $faultFiles | ForEach-Object FullName
    }

    # Healthy HashiCups whose products-api intention is L7 (products-api speaks http): deny /admin, then allow GET.
    function New-L7Folder([string] $Folder) {
        $null = New-Item -ItemType Directory -Path $Folder -Force
        Get-HashiCupsFiles | Where-Object { (Split-Path $_ -Leaf) -ne 'intentions.yaml' } | Copy-Item -Destination $Folder
        Set-Content -LiteralPath (Join-Path $Folder 'intentions.yaml') -Value @'
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceIntentions
metadata:
  name: products-api
spec:
  destination:
    name: products-api
  sources:
    - name: public-api
      permissions:
        - action: deny
          http:
            pathPrefix: /admin
        - action: allow
          http:
            pathPrefix: /
            methods: [GET]
'@
        $Folder
    }
}

Describe 'Test-MeshIntention parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Test-MeshIntention
        function Get-ParameterAttribute($Name, $Set = '__AllParameterSets') {
            $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ParameterSetName -eq $Set })[0]
        }
    }

    It 'is an exported cmdlet writing intention check results, live by default' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Contain $TypeName
        $Command.DefaultParameterSet | Should -Be 'Live'
    }

    It 'takes -Source (a string) at position 0 and -Destination (strings) at position 1, both mandatory' {
        $Command.Parameters['Source'].ParameterType | Should -Be ([string])
        $Command.Parameters['Destination'].ParameterType | Should -Be ([string[]])
        foreach ($pair in @(@('Source', 0), @('Destination', 1))) {
            (Get-ParameterAttribute $pair[0]).Position | Should -Be $pair[1]
            (Get-ParameterAttribute $pair[0]).Mandatory | Should -BeTrue
        }
    }

    It 'binds -Path and -LiteralPath by property name, each in its own set' {
        (Get-ParameterAttribute Path Path).ValueFromPipelineByPropertyName | Should -BeTrue
        (Get-ParameterAttribute LiteralPath LiteralPath).ValueFromPipelineByPropertyName | Should -BeTrue
        $Command.Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
    }

    It 'offers the request parameters -Method (Consul''s methods), -PathInfo and -Header, and the switches -Live and -Quiet' {
        $set = $Command.Parameters['Method'].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] })[0]
        $set.ValidValues | Should -Be @('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE')
        $Command.Parameters['PathInfo'].ParameterType | Should -Be ([string])
        $Command.Parameters['Header'].ParameterType | Should -Be ([string[]])
        $Command.Parameters['Live'].ParameterType | Should -Be ([switch])
        $Command.Parameters['Quiet'].ParameterType | Should -Be ([switch])
        @($Command.Parameters['Kubeconfig'].ParameterSets.Keys) | Should -Be @('Live')
    }

    It 'refuses a -PathInfo without a leading slash and a -Header without a name' {
        { Test-MeshIntention a b -Path $Examples -PathInfo coffees } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MeshOps.PowerShell.Commands.TestMeshIntentionCommand'
        { Test-MeshIntention a b -Path $Examples -Header '=x' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MeshOps.PowerShell.Commands.TestMeshIntentionCommand'
    }
}

Describe 'Test-MeshIntention on manifests' -Tag Unit {
    Context '<Fault>' -ForEach $Faults {
        BeforeAll {
            $result = Test-MeshIntention -Source $Source -Destination $Destination -Path (Get-HashiCupsFiles $Fault) -ErrorAction Stop
        }

        It 'answers <Decision> for <Source> -> <Destination>, with what decided it (<Name> or the default), its line and precedence' {
            $result.PSObject.TypeNames | Should -Contain $TypeName
            "$($result.Decision)" | Should -Be ((Get-Variable Offline -ValueOnly -ErrorAction Ignore) ?? $Decision)
            $result.IntentionName | Should -Be $Name
            $result.Precedence | Should -Be $Precedence
            if ($Name) {
                $result.DefaultApplied | Should -BeFalse
                $result.Location | Should -Match ([regex]::Escape((Split-Path (@(Get-HashiCupsFiles $Fault) -match 'intentions\.yaml$')[0] -Leaf)) + ":$Line`$")
                $result.DecidedBy | Should -Match "^ServiceIntentions $Name sources\[\d+\]"
            }
            else {
                $result.DefaultApplied | Should -BeTrue
                $result.Location | Should -BeNullOrEmpty
                $result.Default | Should -Match '^allow: ACLs are disabled'
            }
            $result.Consul | Should -Be 'not asked'
            $result.Confirm | Should -Be "consul intention check $Source $Destination"
        }
    }

    It 'names the fault file for MESH201, and notes MESH203''s refused entry and MESH202''s unregistered service' {
        (Test-MeshIntention public-api payments -Path (Get-HashiCupsFiles MESH201-missing-intention)).Location | Should -Match 'MESH201-missing-intention[\\/]intentions\.yaml:10$'
        (Test-MeshIntention public-api products-api -Path (Get-HashiCupsFiles MESH203-duplicate-source)).Notes -join "`n" | Should -Match '^MESH203 on the deciding ServiceIntentions'
        (Test-MeshIntention public-api inventory -Path (Get-HashiCupsFiles MESH202-stale-intention)).Notes -join "`n" | Should -Match 'no service named inventory'
    }

    It 'answers one source against several destinations in one call, in their order, each as alone' {
        $files = Get-HashiCupsFiles
        $results = @(Test-MeshIntention public-api products-api, payments, postgres -Path $files -ErrorAction Stop)

        @($results | ForEach-Object Destination) | Should -Be @('products-api', 'payments', 'postgres')
        foreach ($result in $results) {
            $alone = Test-MeshIntention public-api $result.Destination -Path $files
            "$($result.Decision)" | Should -Be "$($alone.Decision)"
            $result.DecidedBy | Should -Be $alone.DecidedBy
        }
        @($results | ForEach-Object { "$($_.Decision)" }) | Should -Contain 'Denied' -Because 'the deny-all decides public-api -> postgres'
    }

    It 'denies an L7 intention on a tcp destination whatever the request (MESH204)' {
        $result = Test-MeshIntention products-api postgres -Path (Get-HashiCupsFiles MESH204-l7-on-tcp) -Method GET -PathInfo /
        "$($result.Decision)" | Should -Be 'Denied'
        $result.Action | Should -Be 'L7'
        $result.Explanation | Should -Match 'speaks tcp'
        $result.Explanation | Should -Match 'refuses the whole ServiceIntentions'
    }

    Context 'an L7 intention on an http destination' {
        BeforeAll { $folder = New-L7Folder (Join-Path $TestDrive 'l7') }

        It 'depends on the request until one is described, then the first matching permission decides' {
            $unknown = Test-MeshIntention public-api products-api -Path $folder
            $read = Test-MeshIntention public-api products-api -Path $folder -Method GET -PathInfo /coffees
            $admin = Test-MeshIntention public-api products-api -Path $folder -PathInfo /admin/users

            "$($unknown.Decision)" | Should -Be 'DependsOnRequest'
            $unknown.Explanation | Should -Match '\[0\] deny /admin\*; \[1\] allow /\* GET'
            "$($read.Decision)" | Should -Be 'Allowed'
            $read.PermissionIndex | Should -Be 1
            $read.Request | Should -Be 'GET /coffees'
            "$($admin.Decision)" | Should -Be 'Denied'
            $admin.PermissionIndex | Should -Be 0
            Test-MeshIntention public-api products-api -Path $folder -Quiet | Should -BeFalse
            Test-MeshIntention public-api products-api -Path $folder -Method GET -PathInfo /coffees -Quiet | Should -BeTrue
        }

        It 'depends on the request when a permission up to the deciding one turns on a part not given, naming it' {
            # -PathInfo alone: [0] /admin* does not match /coffees whatever the method, but [1] turns on the method.
            $noMethod = Test-MeshIntention public-api products-api -Path $folder -PathInfo /coffees
            # -Method alone: [0] turns on the path.
            $noPath = Test-MeshIntention public-api products-api -Path $folder -Method GET

            "$($noMethod.Decision)" | Should -Be 'DependsOnRequest'
            $noMethod.PermissionIndex | Should -Be 1
            $noMethod.Explanation | Should -Match 'permissions\[1\] judges the request''s method.*Give -Method to decide'
            $noMethod.Request | Should -Be 'GET /coffees (method assumed)'
            "$($noPath.Decision)" | Should -Be 'DependsOnRequest'
            $noPath.PermissionIndex | Should -Be 0
            $noPath.Explanation | Should -Match 'permissions\[0\] judges the request''s path.*Give -PathInfo to decide'
            Test-MeshIntention public-api products-api -Path $folder -PathInfo /coffees -Quiet | Should -BeFalse
        }

        It 'answers every pair piped by property name (Import-Csv), in order, reading the manifests once' {
            $csv = Join-Path $TestDrive 'pairs.csv'
            @(
                [pscustomobject]@{ Source = 'public-api'; Destination = 'products-api'; Method = 'GET'; PathInfo = '/coffees'; Header = 'x-trace=1' }
                [pscustomobject]@{ Source = 'public-api'; Destination = 'products-api'; Method = 'GET'; PathInfo = '/admin/users'; Header = 'x-trace=1' }
                [pscustomobject]@{ Source = 'public-api'; Destination = 'products-api'; Method = 'POST'; PathInfo = '/coffees'; Header = 'x-trace=1' }
                [pscustomobject]@{ Source = 'frontend'; Destination = 'public-api'; Method = 'GET'; PathInfo = '/'; Header = 'x-trace=1' }
            ) | Export-Csv -LiteralPath $csv

            $results = @(Import-Csv -LiteralPath $csv | Test-MeshIntention -Path $folder -ErrorAction Stop)

            $results | Should -HaveCount 4
            @($results | ForEach-Object { "$($_.Source)->$($_.Destination) $($_.Request): $($_.Decision)" }) | Should -Be @(
                'public-api->products-api GET /coffees x-trace: 1: Allowed'
                'public-api->products-api GET /admin/users x-trace: 1: Denied'
                'public-api->products-api POST /coffees x-trace: 1: Allowed'
                'frontend->public-api GET / x-trace: 1: Unknown'
            )
            @(Import-Csv -LiteralPath $csv | Test-MeshIntention -Path $folder -Quiet) | Should -Be @($true, $false, $true, $false)
        }
    }

    It 'returns $true with -Quiet only when the call is allowed' {
        Test-MeshIntention public-api products-api -Path (Get-HashiCupsFiles) -Quiet | Should -BeTrue
        Test-MeshIntention frontend payments -Path (Get-HashiCupsFiles) -Quiet | Should -BeFalse
    }

    It 'shows the table and list views without error under StrictMode and ErrorActionPreference Stop' {
        $result = Test-MeshIntention public-api products-api -Path (Get-HashiCupsFiles)
        $default = Test-MeshIntention frontend payments -Path (Get-HashiCupsFiles MESH206-no-deny-all)
        & {
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            $table = $result, $default | Format-Table | Out-String -Width 300
            $list = $result, $default | Format-List | Out-String -Width 300
            $table | Should -Match 'Source\s+Destination\s+Decision\s+DecidedBy\s+Precedence\s+Location\s+Consul'
            $table | Should -Match 'public-api\s+products-api\s+Allowed\s+ServiceIntentions products-api'
            $list | Should -Match 'Matches\s+: default/public-api => default/products-api \(allow, precedence 9\)'
            $list | Should -Match 'Default\s+: allow: ACLs are disabled'
        }
    }

    It 'evaluates each side in its Consul namespace on Enterprise, and is Unknown without the values that place them' {
        $enterprise = New-EnterpriseMesh (Join-Path $TestDrive 'enterprise')

        $allowed = Test-MeshIntention web.shop api.backend -Path $enterprise.Mesh, $enterprise.Values
        $denied = Test-MeshIntention api.backend web.shop -Path $enterprise.Mesh, $enterprise.Values
        $unplaced = Test-MeshIntention web.shop api.backend -Path $enterprise.Mesh

        $allowed.Decision | Should -Be 'Allowed'
        $allowed.SourceNamespace, $allowed.DestinationNamespace | Should -Be @('shop', 'backend')
        $allowed.Confirm | Should -Be 'consul intention check shop/web backend/api'
        $allowed | Format-Table | Out-String -Width 300 | Should -Match 'shop/web\s+backend/api\s+Allowed'
        $denied.Decision | Should -Be 'Denied'
        $denied.IntentionName | Should -Be 'deny-all'
        $unplaced.Decision | Should -Be 'Unknown'
        @($unplaced.Notes) -join ' ' | Should -Match 'global\.enableConsulNamespaces.*-Path'
    }

    It 'writes an error and no result for a path that does not exist' {
        $result = Test-MeshIntention public-api products-api -Path (Join-Path $TestDrive 'missing') -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Match '^MeshOps\.PathNotFound'
    }
}

Describe 'Test-MeshIntention on a live (simulated) cluster' -Tag Integration {
    Context 'seeded fault <Fault>' -ForEach $Faults {
        It 'answers as from files, names the live object, and lays Consul''s answer beside it: <Consul>' {
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive "kubeconfig-$Fault") -Seeded $Fault
            try {
                $result = Test-MeshIntention -Source $Source -Destination $Destination -Live -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop
            }
            finally {
                Stop-SimulatedCluster $cluster
            }

            $result.PSObject.TypeNames | Should -Contain $TypeName
            "$($result.Decision)" | Should -Be $Decision
            $result.IntentionName | Should -Be $Name
            $result.Precedence | Should -Be $Precedence
            if ($Name) { $result.Location | Should -Match "ServiceIntentions/default/$Name .*spec\.sources\[\d+\]$" }
            $result.Consul | Should -Be $Consul
        }
    }

    Context 'healthy' {
        BeforeAll {
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-healthy')
            $server = (Get-Content -LiteralPath $cluster.Kubeconfig | Where-Object { $_ -match '^\s*server:\s*(\S+)' } | ForEach-Object { $Matches[1] } | Select-Object -First 1)
        }
        AfterAll { Stop-SimulatedCluster $cluster }

        It 'agrees with Consul on an allowed call, and says in -Verbose how Consul was reached' {
            $output = Test-MeshIntention public-api products-api -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop -Verbose 4>&1
            $result = $output | Where-Object { $_.PSObject.TypeNames -contains $TypeName }
            "$($result.Decision)" | Should -Be 'Allowed'
            $result.Consul | Should -Be 'Allowed (agrees)'
            $result.ConsulAgreement | Should -Be 'Agrees'
            ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n" | Should -Match 'port-forward to pod consul/consul-server-0'
        }

        It 'leaves the Consul part Unknown with the endpoint''s message when Consul cannot be reached' {
            $env:CONSUL_HTTP_ADDR = 'http://127.0.0.1:1'
            try {
                $result = Test-MeshIntention public-api products-api -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop
            }
            finally {
                Remove-Item env:CONSUL_HTTP_ADDR
            }

            "$($result.Decision)" | Should -Be 'Allowed'
            $result.Consul | Should -Be 'Unknown'
            $result.ConsulAllowed | Should -BeNullOrEmpty
            $result.ConsulMessage | Should -Match '^Consul could not be read: .*127\.0\.0\.1:1'
        }

        It 'answers every pair piped by property name, reading each namespace''s ServiceIntentions once' {
            $log = Join-Path $TestDrive 'requests.log'
            $logged = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-logged') -RequestLogPath $log
            try {
                $pairs = @(
                    [pscustomobject]@{ Source = 'public-api'; Destination = 'products-api' }
                    [pscustomobject]@{ Source = 'frontend'; Destination = 'payments' }
                    [pscustomobject]@{ Source = 'public-api'; Destination = 'payments'; Namespace = 'default' }
                )
                $results = @($pairs | Test-MeshIntention -Kubeconfig $logged.Kubeconfig -ErrorAction Stop)
            }
            finally {
                Stop-SimulatedCluster $logged
            }

            @($results | ForEach-Object { "$($_.Source)->$($_.Destination): $($_.Decision)" }) | Should -Be @(
                'public-api->products-api: Allowed', 'frontend->payments: Denied', 'public-api->payments: Allowed')
            @(Get-Content -LiteralPath $log | Where-Object { $_ -match '^GET \S*/serviceintentions' }) | Should -HaveCount 1
        }

        # Last in this context: it deletes a ServiceIntentions from the cluster, which consul-k8s has not (yet) removed from Consul.
        It 'reports Consul allowing what the cluster''s ServiceIntentions deny' {
            $headers = @{ Authorization = "Bearer $($cluster.Token)" }
            $null = Invoke-RestMethod -Method Delete -SkipCertificateCheck -Headers $headers -Uri "$server/apis/consul.hashicorp.com/v1alpha1/namespaces/default/serviceintentions/products-api"

            $result = Test-MeshIntention public-api products-api -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop

            "$($result.Decision)" | Should -Be 'Denied'
            $result.IntentionName | Should -Be 'deny-all'
            $result.Consul | Should -Be 'Allowed (disagrees)'
            $result.ConsulAgreement | Should -Be 'ConsulAllows'
            $result.ConsulMessage | Should -Match 'Consul allows public-api -> products-api although the cluster''s ServiceIntentions deny it'
        }
    }
}
