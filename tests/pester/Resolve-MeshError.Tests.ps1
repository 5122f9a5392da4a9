#Requires -Version 7.6
# Resolve-MeshError as a user drives it: a line pasted as an argument, kubectl logs piped in line by line, the view
# read at 3 a.m. Its parameter contract fails when someone renames what scripts depend on.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    $Classic = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111'
    $AccessLog = '{"start_time":"2026-12-02T03:00:00.000Z","method":"GET","path":"/coffees","response_code":503,"response_flags":"UF,URX","response_code_details":"upstream_reset_before_response_started{connection_failure,delayed_connect_error:_111}","upstream_cluster":"products-api.default.dc1.internal.bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul","upstream_host":"10.244.0.12:20000"}'
    $Success = '{"start_time":"2026-12-02T03:00:01.000Z","method":"GET","path":"/coffees","response_code":200,"response_flags":"-","response_code_details":"via_upstream"}'
}

Describe 'Resolve-MeshError parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Resolve-MeshError
    }

    It 'takes -Text at position 0 from the pipeline, and -From' {
        $text = $Command.Parameters['Text']
        $text.ParameterType | Should -Be ([string[]])
        $attribute = $text.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        $attribute.Position | Should -Be 0
        $attribute.ValueFromPipeline | Should -BeTrue
        $Command.Parameters['From'].ParameterType | Should -Be ([string])
    }

    It 'declares its output type' {
        $Command.OutputType.Name | Should -Be 'MeshOps.Envoy.Errors.MeshErrorDiagnosis'
    }
}

Describe 'Resolve-MeshError' -Tag Unit {
    It 'explains the classic connection-refused reply with its socket error, ranked causes and the next command' {
        $diagnosis = Resolve-MeshError $Classic -From public-api

        $diagnosis.Condition | Should -Be 'ConnectionRefused'
        $diagnosis.SocketError.Name | Should -Be 'ECONNREFUSED'
        $diagnosis.LikelyCauses[0].Hop | Should -Be 'DestinationWorkload'
        $diagnosis.NextCommand | Should -Be 'Test-MeshPath -From public-api -To <called service>'
    }

    It 'passes over the lines of a piped log that hold no failure and explains the ones that do' {
        $lines = @('starting envoy', $Success, $AccessLog, '', $Success)

        $diagnoses = @($lines | Resolve-MeshError -From public-api -ErrorVariable problems)

        $diagnoses | Should -HaveCount 1
        $problems | Should -BeNullOrEmpty
        $diagnoses[0].UpstreamService | Should -Be 'products-api'
        $diagnoses[0].ResponseFlags.Code | Should -Be @('UF', 'URX')
        $diagnoses[0].NextCommand | Should -Be 'Test-MeshPath -From public-api -To products-api'
    }

    It 'splits a string that holds several lines, as Get-Content -Raw gives' {
        $diagnoses = @(Resolve-MeshError "$Success`n$Classic`r`nno healthy upstream")

        $diagnoses.Condition | Should -Be @('ConnectionRefused', 'NoHealthyUpstream')
    }

    It 'says so, as an error, when no line holds an Envoy failure' {
        $result = @('GET / 200', $Success) | Resolve-MeshError -ErrorVariable problems -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.ErrorNotRecognised,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception.Message | Should -Match 'None of the 2 lines'
    }

    It 'masks a credential in the line in every view' {
        $line = "Authorization: Bearer planted-t0ken-Zx81 $Classic"

        $diagnosis = Resolve-MeshError $line
        $views = @(
            ($diagnosis | Format-List | Out-String)
            ($diagnosis | Format-List * | Out-String)
            ($diagnosis | ConvertTo-Json -Depth 6)
        )

        $views | ForEach-Object { $_ | Should -Not -Match 'planted-t0ken-Zx81' }
    }

    It 'shows the meaning, the causes with their checks and the next command in its default view' {
        $view = Resolve-MeshError $Classic | Out-String -Width 200

        $view | Should -Match 'ECONNREFUSED'
        $view | Should -Match '1\. \[DestinationWorkload\]'
        $view | Should -Match 'check: kubectl'
        $view | Should -Match 'NextCommand\s+: Test-MeshPath'
    }
}
