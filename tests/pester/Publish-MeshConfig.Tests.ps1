#Requires -Version 7.6
# Publish-MeshConfig as a user drives it, against the simulated HashiCups cluster (tests/MeshOps.Simulation, its own
# process, reached through a kubeconfig as a real cluster is; its consul-k8s controller syncs what is applied to its
# Consul). The request log file is the API server's own record of what it received.

BeforeDiscovery {
    $HasKubectl = [bool](Get-Command kubectl -ErrorAction Ignore)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force

    # The object as the cluster holds it, managed fields included, as kubectl reads it.
    function Get-LiveIntention($Cluster, [string] $Name) {
        kubectl --kubeconfig $Cluster.Kubeconfig get serviceintentions $Name -o json --show-managed-fields | ConvertFrom-Json
    }

    # The descriptions of an intention's sources; a source without one has none (StrictMode allows no member enumeration).
    function Get-SourceDescription($Cluster, [string] $Name) {
        @((Get-LiveIntention $Cluster $Name).spec.sources | ForEach-Object { $_.PSObject.Properties['description'] } | Where-Object { $_ } | ForEach-Object Value)
    }

    function Get-AllText($Streams, $Errors) {
        ($Streams | Out-String -Width 500) + ($Errors | Format-List * -Force | Out-String -Width 500) +
            ($Errors | ForEach-Object { $_.Exception } | Format-List * -Force | Out-String -Width 500)
    }
}

Describe 'Publish-MeshConfig parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Publish-MeshConfig
        function Get-ParameterAttribute($Name) {
            $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })
        }
    }

    It 'is an exported cmdlet writing PublishResult, with -WhatIf and -Confirm' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'MeshOps.Publishing.PublishResult'
        $Command.Parameters.Keys | Should -Contain 'WhatIf'
        $Command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'takes objects from the pipeline (-InputObject) or manifests (-Path, by property name)' {
        (Get-ParameterAttribute InputObject)[0].ValueFromPipeline | Should -BeTrue
        (Get-ParameterAttribute Path)[0].ValueFromPipelineByPropertyName | Should -BeTrue
        $Command.Parameters['Path'].ParameterType | Should -Be ([string[]])
    }

    It 'has <_> as a switch' -ForEach 'Force', 'DryRun', 'Wait' {
        $Command.Parameters[$_].SwitchParameter | Should -BeTrue
    }

    It 'selects the cluster as Test-MeshConfig does, with -Kubeconfig, -Context and -Namespace' {
        foreach ($name in 'Kubeconfig', 'Context', 'Namespace') { $Command.Parameters[$name].ParameterType | Should -Be ([string]) }
        $Command.Parameters['Timeout'].ParameterType | Should -Be ([int])
    }
}

Describe 'Publish-MeshConfig on a live (simulated) cluster' -Tag Integration -Skip:(-not $HasKubectl) {
    BeforeAll {
        $RequestLog = Join-Path $TestDrive 'requests.log'
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig') -RequestLogPath $RequestLog
        function Get-Requests { @(Get-Content -LiteralPath $RequestLog) }
    }

    AfterAll {
        if ($Cluster) { Stop-SimulatedCluster $Cluster }
    }

    It 'previews with -WhatIf as written in the issue, and the API server sees no request' {
        $before = @(Get-Requests).Count
        $out = New-MeshIntention -Destination products-api -Source public-api -Action Allow |
            Publish-MeshConfig -WhatIf -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        $out | Should -BeNullOrEmpty
        @(Get-Requests).Count | Should -Be $before
    }

    It '-DryRun validates on the server (dryRun=All) and stores nothing' {
        $before = Get-LiveIntention $Cluster products-api
        $result = New-MeshIntention -Destination products-api -Source public-api -Action Allow -Description 'managed by meshops' |
            Publish-MeshConfig -DryRun -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        $result.PSObject.TypeNames | Should -Contain 'MeshOps.Publishing.PublishResult'
        "$($result.Status)" | Should -Be 'Applied'
        $patches = @(Get-Requests | Where-Object { $_ -match '^PATCH .*serviceintentions/products-api\?' })
        $patches.Count | Should -BeGreaterThan 0 -Because 'the dry run is a request the server sees'
        $patches | ForEach-Object { $_ | Should -Match 'dryRun=All' }
        $after = Get-LiveIntention $Cluster products-api
        $after.metadata.resourceVersion | Should -Be $before.metadata.resourceVersion
        $after.spec.sources[0].PSObject.Properties.Name | Should -Not -Contain 'description'
    }

    It 'applies as field manager meshops, waits for Synced and finds the entry in Consul; a re-apply is Unchanged' {
        $intention = New-MeshIntention -Destination products-api -Source public-api -Action Allow -Description 'managed by meshops'
        $applied = $intention | Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($applied.Status)" | Should -Be 'Applied' -Because '-Wait keeps what the apply did'
        "$($applied.Sync)" | Should -Be 'Synced'
        $applied.SyncReason | Should -Match 'holds what was applied'
        $live = Get-LiveIntention $Cluster products-api
        $live.spec.sources[0].description | Should -Be 'managed by meshops'
        @($live.metadata.managedFields.manager) | Should -Contain 'meshops'
        @(Get-Requests | Where-Object { $_ -match '^PATCH .*serviceintentions/products-api\?' -and $_ -notmatch 'dryRun' } | Select-Object -Last 1) |
            Should -Match 'fieldManager=meshops'

        $again = $intention | Publish-MeshConfig -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($again.Status)" | Should -Be 'Unchanged'
    }

    It 'reports a conflict with another field manager by manager and field, and changes nothing; -Force takes it over' {
        $manifest = Join-Path $TestDrive 'other.yaml'
        @'
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceIntentions
metadata:
  name: payments
spec:
  destination:
    name: payments
  sources:
    - name: public-api
      action: deny
'@ | Set-Content -LiteralPath $manifest
        kubectl --kubeconfig $Cluster.Kubeconfig apply --server-side --field-manager other -f $manifest | Out-Null
        $LASTEXITCODE | Should -Be 0
        $before = Get-LiveIntention $Cluster payments

        $result = New-MeshIntention -Destination payments -Source public-api -Action Allow |
            Publish-MeshConfig -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue
        "$($result.Status)" | Should -Be 'Conflict'
        $result.Reason | Should -Match '"other"'
        ($result.Fields -join ' ') | Should -Match 'action'
        $failed[0].FullyQualifiedErrorId | Should -Match '^MeshOps.ApplyConflict'
        "$($failed[0])" | Should -Match 'other'
        $after = Get-LiveIntention $Cluster payments
        $after.metadata.resourceVersion | Should -Be $before.metadata.resourceVersion
        $after.spec.sources[0].action | Should -Be 'deny'

        $forced = New-MeshIntention -Destination payments -Source public-api -Action Allow |
            Publish-MeshConfig -Force -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($forced.Status)" | Should -Be 'Applied'
        (Get-LiveIntention $Cluster payments).spec.sources[0].action | Should -Be 'allow'
    }

    It 'stops on a rule Error (MESH301, http on postgres) before any request that writes, naming the rule; the valid object beside it is not applied either' {
        $manifest = Join-Path $TestDrive 'postgres-http.yaml'
        @'
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceIntentions
metadata:
  name: frontend
spec:
  destination:
    name: frontend
  sources:
    - name: nginx
      action: allow
      description: first object, valid
---
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceDefaults
metadata:
  name: postgres
spec:
  protocol: http
'@ | Set-Content -LiteralPath $manifest
        $before = @(Get-Requests).Count
        $result = Publish-MeshConfig -Path $manifest -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed.Count | Should -BeGreaterThan 0
        $failed[0].FullyQualifiedErrorId | Should -Match '^MeshOps.ApplyBlockedByRule'
        "$($failed[0])" | Should -Match 'MESH301'
        "$($failed[0])" | Should -Match 'postgres-http.yaml'
        @(Get-Requests | Select-Object -Skip $before | Where-Object { $_ -notmatch '^GET ' }) | Should -BeNullOrEmpty
        (Get-LiveIntention $Cluster frontend).spec.sources[0].PSObject.Properties.Name | Should -Not -Contain 'description'
    }

    It 'applies New-MeshServiceAccount''s ServiceAccount as field manager meshops (kubectl shows it), Unchanged when the cluster already says it' {
        $result = New-MeshServiceAccount payments -AutomountServiceAccountToken | Publish-MeshConfig -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        $result.PSObject.TypeNames | Should -Contain 'MeshOps.Publishing.PublishResult'
        "$($result.Kind)/$($result.Name)" | Should -Be 'ServiceAccount/payments'
        "$($result.Status)" | Should -Be 'Unchanged'
        $live = kubectl --kubeconfig $Cluster.Kubeconfig get sa payments -o json --show-managed-fields | ConvertFrom-Json
        @($live.metadata.managedFields.manager) | Should -Contain 'meshops'
        @(Get-Requests | Where-Object { $_ -match '^PATCH .*/api/v1/namespaces/default/serviceaccounts/payments\?' -and $_ -notmatch 'dryRun' } | Select-Object -Last 1) |
            Should -Match 'fieldManager=meshops'

        $created = New-MeshServiceAccount orders -AutomountServiceAccountToken:$false | Publish-MeshConfig -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($created.Status)" | Should -Be 'Applied'
        (kubectl --kubeconfig $Cluster.Kubeconfig get sa orders -o json | ConvertFrom-Json).automountServiceAccountToken | Should -BeFalse
    }

    It 'applies New-MeshServicePort''s Service, dry-runs it first, and with -Wait waits only for the Consul resource beside it' {
        $objects = @(
            New-MeshServicePort -Name orders -Port 80 -TargetPort 8080 -Selector @{ app = 'orders' }
            New-MeshIntention -Destination payments -Source frontend -Action Deny -Description 'with a Service'
        )
        $before = @(Get-Requests).Count
        $results = $objects | Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        $service = $results | Where-Object Kind -EQ 'Service'
        "$($service.Status)" | Should -Be 'Applied'
        "$(($results | Where-Object Kind -EQ 'ServiceIntentions').Sync)" | Should -Be 'Synced'
        $service.Sync | Should -BeNullOrEmpty
        $requests = @(Get-Requests | Select-Object -Skip $before)
        $patches = @($requests | Where-Object { $_ -match '^PATCH .*/services/orders\?' })
        $patches.Count | Should -Be 2
        $patches[0] | Should -Match 'dryRun=All'
        $patches[1] | Should -Not -Match 'dryRun'
        # -Wait polls the ServiceIntentions for Synced; the Service is read only before its apply (one GET, no polling).
        @($requests | Where-Object { $_ -match '^GET .*/services/orders' }).Count | Should -Be 1
        (kubectl --kubeconfig $Cluster.Kubeconfig get svc orders -o json | ConvertFrom-Json).spec.ports[0].targetPort | Should -Be 8080

        $again = New-MeshServicePort -Name orders -Port 80 -TargetPort 8080 -Selector @{ app = 'orders' } |
            Publish-MeshConfig -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($again.Status)" | Should -Be 'Unchanged'
    }

    It 'previews a ServiceAccount with -WhatIf and the API server sees no request' {
        $before = @(Get-Requests).Count
        New-MeshServiceAccount inventory | Publish-MeshConfig -WhatIf -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop | Should -BeNullOrEmpty
        @(Get-Requests).Count | Should -Be $before
    }

    It 'stops a Service whose targetPort names no container port (MESH101) before any request that writes' {
        $before = @(Get-Requests).Count
        $result = New-MeshServicePort -Name payments -Port 1800 -TargetPort payments-http -Selector @{ app = 'payments' } -PortName http |
            Publish-MeshConfig -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Match '^MeshOps.ApplyBlockedByRule'
        "$($failed[0])" | Should -Match 'MESH101'
        @(Get-Requests | Select-Object -Skip $before | Where-Object { $_ -notmatch '^GET ' }) | Should -BeNullOrEmpty
    }

    It 'still refuses a <Kind> from -Path with the clear message, and sends nothing' -ForEach @(
        @{ Kind = 'Secret'; Yaml = "apiVersion: v1`nkind: Secret`nmetadata:`n  name: db`nstringData:`n  password: hunter2-not-for-output`n"; Said = 'A v1 Secret' }
        @{ Kind = 'Deployment'; Yaml = "apiVersion: apps/v1`nkind: Deployment`nmetadata:`n  name: orders`nspec:`n  selector:`n    matchLabels:`n      app: orders`n  template:`n    metadata:`n      labels:`n        app: orders`n    spec:`n      containers:`n        - name: orders`n          image: orders`n"; Said = 'A apps/v1 Deployment' }
    ) {
        $manifest = Join-Path $TestDrive "$Kind.yaml"
        Set-Content -LiteralPath $manifest -Value $Yaml
        $before = @(Get-Requests).Count
        $result = Publish-MeshConfig -Path $manifest -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Match '^MeshOps.NotAMeshObject'
        "$($failed[0])" | Should -Match ([regex]::Escape("$Said"))
        "$($failed[0])" | Should -Match 'Services and ServiceAccounts'
        "$($failed[0])" | Should -Not -Match 'hunter2'
        @(Get-Requests).Count | Should -Be $before
    }

    It '-Confirm:$false applies even when $ConfirmPreference asks for confirmation' {
        $result = & {
            $ConfirmPreference = 'Low'
            New-MeshIntention -Destination products-api -Source frontend -Action Deny -Description 'confirmed by -Confirm:$false' |
                Publish-MeshConfig -Confirm:$false -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        }
        "$($result.Status)" | Should -Be 'Applied'
        Get-SourceDescription $Cluster products-api | Should -Contain 'confirmed by -Confirm:$false'
    }

    It '$ConfirmPreference = Low with no host to answer fails at once, names the prompt, and sends nothing' {
        $before = @(Get-Requests).Count
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                param($Module, $Kubeconfig)
                Import-Module $Module
                $ConfirmPreference = 'Low'
                New-MeshIntention -Destination products-api -Source frontend -Action Allow -Description 'never confirmed' |
                    Publish-MeshConfig -Kubeconfig $Kubeconfig
            }).AddArgument((Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1')).AddArgument($Cluster.Kubeconfig)
            $pending = $ps.BeginInvoke()
            # A bound on the wait only so that a hang fails this test instead of the run.
            $pending.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(2)) | Should -BeTrue -Because 'a prompt no host can answer must fail, not wait'
            $said = try { $ps.EndInvoke($pending) | Out-String } catch { "$($_.Exception.InnerException.Message)" }
            $said += ($ps.Streams.Error | Out-String)
            $said | Should -Match 'prompts the user'
        }
        finally {
            $ps.Dispose()
        }
        @(Get-Requests).Count | Should -Be $before
        Get-SourceDescription $Cluster products-api | Should -Not -Contain 'never confirmed'
    }

    It 'refuses a piped Secret or Deployment (error NotAMeshObject), shows no secret value, and sends nothing' {
        $manifest = Join-Path $TestDrive 'piped-deployment.yaml'
        Set-Content -LiteralPath $manifest -Value "apiVersion: apps/v1`nkind: Deployment`nmetadata:`n  name: orders`nspec:`n  selector:`n    matchLabels:`n      app: orders`n  template:`n    metadata:`n      labels:`n        app: orders`n    spec:`n      containers:`n        - name: orders`n          image: orders`n"
        $deployment = @(Import-MeshManifest -Path $manifest -ErrorAction Stop)
        $deployment.Count | Should -Be 1
        # Import-MeshManifest reads no Secret; one arrives as an object from kubectl ... | ConvertFrom-Json.
        $secret = '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},"stringData":{"password":"hunter2-not-for-output"}}' | ConvertFrom-Json
        foreach ($object in @($deployment[0], $secret)) {
            $before = @(Get-Requests).Count
            $result = $object | Publish-MeshConfig -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -Match '^MeshOps.NotAMeshObject'
            "$($failed[0])" | Should -Match 'is not applied'
            Get-AllText @() $failed | Should -Not -Match 'hunter2'
            @(Get-Requests).Count | Should -Be $before
        }
    }

    It 'reports an object the API server refuses (a namespace that does not exist) as ApplyRefused, and writes nothing' {
        $before = @(Get-Requests).Count
        $result = New-MeshIntention -Destination payments -Source frontend -Action Allow |
            Publish-MeshConfig -Namespace no-such-namespace -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed[-1].FullyQualifiedErrorId | Should -Match '^MeshOps.ApplyRefused'
        "$($failed[-1])" | Should -Match 'no-such-namespace'
        "$($failed[-1])" | Should -Match 'Nothing further was applied'
        @(Get-Requests | Select-Object -Skip $before | Where-Object { $_ -match '^PATCH' -and $_ -notmatch 'dryRun=All' }) | Should -BeNullOrEmpty
    }

    It 'never shows the bearer token, with -Verbose and -Debug, in results or errors' {
        $streams = New-MeshIntention -Destination payments -Source ghost-caller -Action Allow |
            Publish-MeshConfig -DryRun -Verbose -Debug -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue *>&1
        $Cluster.Token | Should -Not -BeNullOrEmpty
        Get-AllText $streams $failed | Should -Not -Match ([regex]::Escape($Cluster.Token))
    }
}

Describe 'Publish-MeshConfig -Wait against consul-k8s faults' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-faults') `
            -RuntimeFault 'sync-refused:payments', 'entry-drift:frontend', 'slow-sync:public-api'
    }

    AfterAll {
        if ($Cluster) { Stop-SimulatedCluster $Cluster }
    }

    It 'reports Synced=False as NotSynced with the controller''s reason' {
        $result = New-MeshIntention -Destination payments -Source public-api -Action Allow -Description 'refused' |
            Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($result.Status)" | Should -Be 'Applied'
        "$($result.Sync)" | Should -Be 'NotSynced'
        $result.SyncReason | Should -Match 'ConsulAgentError'
        $result.SyncReason | Should -Match 'Permission denied'
    }

    It 'reports Consul''s entry differing from what was applied as Mismatch, naming the field' {
        $result = New-MeshIntention -Destination frontend -Source nginx -Action Allow -Description 'drifted' |
            Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($result.Sync)" | Should -Be 'Mismatch'
        $result.Fields | Should -Contain 'Sources[nginx].Action'
        $result.SyncReason | Should -Match '"allow"'
    }

    It 'waits for a late Synced, and a timeout shorter than the sync is NotSynced "timed out", never success' {
        $late = New-MeshIntention -Destination public-api -Source nginx -Action Allow -Description 'late' |
            Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($late.Sync)" | Should -Be 'Synced'

        $short = New-MeshIntention -Destination public-api -Source nginx -Action Allow -Description 'too late' |
            Publish-MeshConfig -Wait -Timeout 1 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($short.Status)" | Should -Be 'Applied'
        "$($short.Sync)" | Should -Be 'NotSynced'
        $short.SyncReason | Should -Match 'timed out'
    }

    It 'on an update waits past the Synced=True consul-k8s still shows for the old spec, and reports the update''s sync' {
        $first = New-MeshIntention -Destination public-api -Source nginx -Action Allow -Description 'before the update' |
            Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($first.Sync)" | Should -Be 'Synced'

        # slow-sync keeps the old Synced=True for two seconds after the update, as consul-k8s does until it reconciles.
        $update = New-MeshIntention -Destination public-api -Source nginx -Action Allow -Description 'the update' |
            Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop
        "$($update.Status)" | Should -Be 'Applied'
        "$($update.Sync)" | Should -Be 'Synced'
        $update.SyncReason | Should -Match 'holds what was applied'
    }

    It 'shows the results in a table whose script blocks do not fail under StrictMode and Stop' {
        Set-StrictMode -Version Latest
        $ErrorActionPreference = 'Stop'
        $text = New-MeshIntention -Destination public-api -Source nginx -Action Allow -Description 'late' |
            Publish-MeshConfig -DryRun -Kubeconfig $Cluster.Kubeconfig | Format-Table | Out-String
        $text | Should -Match 'Status'
        $text | Should -Match 'public-api'
    }

    It 'shows what the apply did and the sync state side by side in the table' {
        $text = New-MeshIntention -Destination payments -Source public-api -Action Allow -Description 'table' |
            Publish-MeshConfig -Wait -Timeout 30 -Kubeconfig $Cluster.Kubeconfig | Format-Table | Out-String -Width 300
        $text | Should -Match 'Sync'
        $text | Should -Match 'Applied\s+NotSynced\s+ConsulAgentError'
    }
}
