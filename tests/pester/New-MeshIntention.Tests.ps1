#Requires -Version 7.6
# New-MeshIntention as a user drives it: the built module, intentions piped between calls, Consul's refusals.
# Its parameter contract fails when someone renames a parameter or the pipeline binding scripts depend on; change it
# only together with a deliberate, announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force

    function Get-SourceSummary($Intentions) {
        @($Intentions.Spec.Sources | ForEach-Object { '{0}:{1}' -f $_.Name, $_.Action })
    }
}

Describe 'New-MeshIntention parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command New-MeshIntention
        function Get-ParameterAttribute($Name) {
            $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        }
    }

    It 'is an exported cmdlet writing ServiceIntentions' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'MeshOps.Consul.ServiceIntentions'
    }

    It 'takes -Destination at position 0 and -Source (an array) at position 1, both mandatory and bound by property name' {
        $Command.Parameters['Destination'].ParameterType | Should -Be ([string])
        $Command.Parameters['Source'].ParameterType | Should -Be ([string[]])
        (Get-ParameterAttribute Destination).Position | Should -Be 0
        (Get-ParameterAttribute Source).Position | Should -Be 1
        foreach ($name in 'Destination', 'Source') {
            (Get-ParameterAttribute $name).Mandatory | Should -BeTrue
            (Get-ParameterAttribute $name).ValueFromPipelineByPropertyName | Should -BeTrue
        }
    }

    It 'binds <_> by property name' -ForEach 'Action', 'PermissionAction', 'PathExact', 'PathPrefix', 'PathRegex', 'Method', 'Header', 'Description' {
        (Get-ParameterAttribute $_).ValueFromPipelineByPropertyName | Should -BeTrue
        (Get-ParameterAttribute $_).Mandatory | Should -BeFalse
    }

    It 'offers Allow and Deny for -Action and -PermissionAction' {
        foreach ($name in 'Action', 'PermissionAction') {
            $set = $Command.Parameters[$name].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] })[0]
            $set.ValidValues | Should -Be @('Allow', 'Deny')
        }
    }

    It 'offers the methods Consul accepts for -Method' {
        $set = $Command.Parameters['Method'].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] })[0]
        $set.ValidValues | Should -Be @('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE')
    }

    It 'takes ServiceIntentions from the pipeline as -InputObject' {
        $Command.Parameters['InputObject'].ParameterType.FullName | Should -Be 'MeshOps.Consul.ServiceIntentions[]'
        (Get-ParameterAttribute InputObject).ValueFromPipeline | Should -BeTrue
    }
}

Describe 'New-MeshIntention' -Tag Unit {
    It 'writes an L4 intention named after its destination, one source per name' {
        $intentions = New-MeshIntention -Destination products-api -Source public-api, frontend -Action Allow -Description 'reads products'

        $intentions.GetType().FullName | Should -Be 'MeshOps.Consul.ServiceIntentions'
        $intentions.Metadata.Name | Should -Be 'products-api'
        $intentions.Spec.Destination.Name | Should -Be 'products-api'
        Get-SourceSummary $intentions | Should -Be @('public-api:Allow', 'frontend:Allow')
        $intentions.Spec.Sources.Description | Should -Be @('reads products', 'reads products')
    }

    It 'writes an L7 intention: one permission with the request match and no source action' {
        $intentions = New-MeshIntention products-api frontend -PermissionAction Deny -PathExact /admin -Method post, GET -Header x-tenant=a, x-debug

        $source = $intentions.Spec.Sources[0]
        $source.Action | Should -BeNullOrEmpty
        $permission = @($source.Permissions)
        $permission | Should -HaveCount 1
        $permission[0].Action.ToString() | Should -Be 'Deny'
        $permission[0].Http.PathExact | Should -Be '/admin'
        @($permission[0].Http.Methods | ForEach-Object ToString) | Should -Be @('Post', 'Get')
        $permission[0].Http.Header[0].Name | Should -Be 'x-tenant'
        $permission[0].Http.Header[0].Exact | Should -Be 'a'
        $permission[0].Http.Header[1].Name | Should -Be 'x-debug'
        $permission[0].Http.Header[1].Present | Should -BeTrue
    }

    Context 'what Consul refuses is a terminating error with the Consul server''s message' {
        It '<Case>' -ForEach @(
            @{ Case = '-Action with L7 parameters'; Arguments = @{ Action = 'Allow'; PermissionAction = 'Allow'; PathPrefix = '/api' }; Message = 'Sources[0].Action must be omitted if Permissions are specified' }
            @{ Case = 'neither -Action nor L7 parameters'; Arguments = @{}; Message = "Sources[0].Action must be set to 'allow' or 'deny'" }
            @{ Case = 'L7 parameters without -PermissionAction'; Arguments = @{ PathPrefix = '/api' }; Message = "Sources[0].Permissions[0].Action must be set to 'allow' or 'deny'" }
            @{ Case = 'two paths'; Arguments = @{ PermissionAction = 'Allow'; PathExact = '/a'; PathPrefix = '/b' }; Message = 'Sources[0].Permissions[0].HTTP should only contain at most one of PathExact, PathPrefix, or PathRegex' }
            @{ Case = 'a path without a leading slash'; Arguments = @{ PermissionAction = 'Allow'; PathPrefix = 'api' }; Message = "Sources[0].Permissions[0].HTTP.PathPrefix doesn't start with '/': `"api`"." }
            @{ Case = 'a method twice'; Arguments = @{ PermissionAction = 'Allow'; Method = 'GET', 'get' }; Message = 'Sources[0].Permissions[0].HTTP.Methods contains "GET" more than once.' }
            @{ Case = 'a source twice'; Arguments = @{ Action = 'Allow'; Source = 'web', 'web' }; Message = 'Sources[1] defines "web" more than once' }
            @{ Case = 'a partial wildcard'; Arguments = @{ Action = 'Allow'; Source = 'web-*' }; Message = "Sources[0].Name: wildcard character '*' cannot be used with partial values" }
            @{ Case = 'a description over 512 characters'; Arguments = @{ Action = 'Allow'; Description = 'd' * 513 }; Message = 'Sources[0].Description exceeds maximum length 512' }
        ) {
            $splat = @{ Destination = 'api'; Source = 'web' }
            foreach ($key in $Arguments.Keys) { $splat[$key] = $Arguments[$key] }
            $written = $null
            $record = $null
            try { $written = New-MeshIntention @splat -ErrorAction SilentlyContinue } catch { $record = $_ }

            $record | Should -Not -BeNullOrEmpty -Because 'a refused intention stops the pipeline'
            $record.FullyQualifiedErrorId | Should -Be 'MeshOps.InvalidIntention,MeshOps.PowerShell.Commands.NewMeshIntentionCommand'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.TargetObject | Should -Be 'api'
            $record.Exception.Message | Should -BeLike "$([WildcardPattern]::Escape($Message))*"
            $written | Should -BeNullOrEmpty
        }
    }

    It 'refuses L7 parameters on the * destination, and names the * destination all-services' {
        { New-MeshIntention '*' web -PermissionAction Allow -PathPrefix / } |
            Should -Throw -ExpectedMessage ([WildcardPattern]::Escape('Sources[0].Permissions cannot be specified on intentions with wildcarded destinations'))
        (New-MeshIntention '*' '*' -Action Deny).Metadata.Name | Should -Be 'all-services'
    }

    Context 'merging by destination through the pipeline' {
        It 'adds its sources to a piped ServiceIntentions of the same destination, after the piped ones' {
            $merged = @(New-MeshIntention products-api public-api -Action Allow | New-MeshIntention products-api admin -Action Deny)

            $merged | Should -HaveCount 1
            Get-SourceSummary $merged[0] | Should -Be @('public-api:Allow', 'admin:Deny')
        }

        It 'passes a piped ServiceIntentions of another destination through unchanged' {
            $written = @(New-MeshIntention payments public-api -Action Allow | New-MeshIntention products-api public-api -Action Allow)

            $written.Spec.Destination.Name | Should -Be @('payments', 'products-api')
            Get-SourceSummary $written[0] | Should -Be @('public-api:Allow')
        }

        It 'merges piped objects of one destination with each other' {
            $written = @(
                @(New-MeshIntention api a -Action Allow) + @(New-MeshIntention db a -Action Allow) + @(New-MeshIntention api b -Action Deny) |
                    New-MeshIntention db c -Action Allow)

            $written.Spec.Destination.Name | Should -Be @('api', 'db')
            Get-SourceSummary $written[0] | Should -Be @('a:Allow', 'b:Deny')
            Get-SourceSummary $written[1] | Should -Be @('a:Allow', 'c:Allow')
        }

        It 'refuses a source the piped object already has instead of merging it' {
            { New-MeshIntention products-api public-api -Action Allow | New-MeshIntention products-api public-api -Action Deny } |
                Should -Throw -ExpectedMessage ([WildcardPattern]::Escape('Sources[1] defines "public-api" more than once')) -ErrorId 'MeshOps.InvalidIntention,MeshOps.PowerShell.Commands.NewMeshIntentionCommand'
        }

        It 'leaves the piped object as it was' {
            $first = New-MeshIntention products-api public-api -Action Allow

            $null = $first | New-MeshIntention products-api admin -Action Deny

            Get-SourceSummary $first | Should -Be @('public-api:Allow')
        }

        It 'makes one intention per piped record and merges the records of one destination' {
            $rows = @(
                [pscustomobject]@{ Destination = 'products-api'; Source = 'public-api'; Action = 'Allow' }
                [pscustomobject]@{ Destination = 'payments'; Source = 'public-api'; Action = 'Allow' }
                [pscustomobject]@{ Destination = 'products-api'; Source = 'frontend'; PermissionAction = 'Allow'; PathPrefix = '/coffees' }
            )

            $written = @($rows | New-MeshIntention)

            $written.Spec.Destination.Name | Should -Be @('products-api', 'payments')
            Get-SourceSummary $written[0] | Should -Be @('public-api:Allow', 'frontend:')
            $written[0].Spec.Sources[1].Permissions[0].Http.PathPrefix | Should -Be '/coffees'
        }
    }

    It 'shows as a table of name, destination and sources, also where errors stop scripts' {
        # A format script block that errors shows an empty cell only under 'Stop' (build scripts, CI): the view must not error.
        $ErrorActionPreference = 'Stop'
        $text = New-MeshIntention products-api public-api -Action Allow | New-MeshIntention products-api frontend -PermissionAction Allow -PathPrefix /coffees -Method GET |
            Out-String -Width 200

        $text | Should -Match 'Name\s+Destination\s+Sources'
        $text | Should -Match 'products-api\s+products-api\s+public-api: Allow, frontend: Allow /coffees GET'
    }

    It 'has help with an example' {
        @((Get-Help New-MeshIntention -Examples).Examples.Example).Count | Should -BeGreaterThan 0
    }
}
