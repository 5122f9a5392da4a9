#Requires -Version 7.6
# No view of Test-MeshConfig's output repeats a credential: the table, the list, JSON, error records, -Verbose, -Debug.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force

    # Each token is written the way a user would put it in a manifest; none sits under a key that says "password".
    $Tokens = @(
        'abcdefgh12345'        # --header=Bearer abcdefgh12345 (container arg)
        'lowerarg9876543'      # --header=bearer ... (container arg, lower case)
        'envtoken55556666'     # bearer ... (env value)
        'Zq7'                  # Authorization: Bearer Zq7 (env value, a token too short to look like one)
        'spacedtoken777'       # --token spacedtoken777 (a flag and its value as two words)
        'consultoken666'       # X-Consul-Token: ... (env value)
        'cfglowtoken3333'      # bearer ... (ConfigMap value)
        'cfgauthtoken2222'     # Authorization: bearer ... (ConfigMap value)
        'selectortoken1111'    # token=... (Service selector, quoted by MESH102's message and kubectl command)
    )

    # The app listens on loopback (MESH103), and the finding quotes the listen argument or variable as written:
    # that is where a token written next to the address reaches the output.
    $Manifests = @'
apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: api-canary
spec:
  selector:
    app: api
    token: selectortoken1111
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
      annotations:
        consul.hashicorp.com/connect-inject: "true"
    spec:
      serviceAccountName: api
      containers:
        - name: api
          image: example/api:1
          args:
            - "--listen=http://127.0.0.1:8080 --header=Bearer abcdefgh12345"
            - "--listen-admin=http://127.0.0.1:8080 --header=bearer lowerarg9876543 --token spacedtoken777"
          env:
            - name: LISTEN_URL
              value: "http://127.0.0.1:8080 bearer envtoken55556666"
            - name: BIND_URL
              value: "http://127.0.0.1:8080 -H 'Authorization: Bearer Zq7' -H 'X-Consul-Token: consultoken666'"
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-client
data:
  curl-args: "-H bearer cfglowtoken3333"
  header: "Authorization: bearer cfgauthtoken2222"
'@
    $Folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'leaky')
    Set-Content -LiteralPath (Join-Path $Folder 'api.yaml') -Value $Manifests
    # A file that fails to load, so that error records are among the views searched.
    Set-Content -LiteralPath (Join-Path $Folder 'broken.yaml') -Value "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: broken`ndata:`n  k: [bearer abcdefgh12345"

    $Findings = @(Test-MeshConfig -Path $Folder.FullName -ErrorVariable Problems -ErrorAction SilentlyContinue)
    $Streams = Test-MeshConfig -Path $Folder.FullName -Verbose -Debug -ErrorAction SilentlyContinue *>&1 | Out-String -Width 500

    $Views = [ordered]@{
        Table    = $Findings | Format-Table | Out-String -Width 500
        List     = $Findings | Format-List * | Out-String -Width 500
        Json     = $Findings | ConvertTo-Json -Depth 10
        Errors   = ($Problems | Format-List * -Force | Out-String -Width 500) + ($Problems.Exception.Message -join "`n")
        Streams  = $Streams
        Strings  = ($Findings | ForEach-Object ToString) -join "`n"
        # The CI documents (-OutputFormat), which quote the same messages, evidence and load errors.
        Sarif    = Test-MeshConfig -Path $Folder.FullName -OutputFormat Sarif -ErrorAction SilentlyContinue
        JUnit    = Test-MeshConfig -Path $Folder.FullName -OutputFormat JUnit -ErrorAction SilentlyContinue
        Document = Test-MeshConfig -Path $Folder.FullName -OutputFormat Json -ErrorAction SilentlyContinue
    }
}

Describe 'Test-MeshConfig redaction' -Tag Integration {
    It 'reaches the places where tokens are quoted (loopback binds, selectors, ConfigMap credentials, a load error)' {
        # Without these, the searches below would pass for want of anything to search.
        @($Findings | Where-Object RuleId -EQ 'MESH103').Count | Should -BeGreaterOrEqual 4
        $Findings.RuleId | Should -Contain 'MESH102'
        @($Findings | Where-Object RuleId -EQ 'MESH601').Count | Should -Be 2
        $Problems | Should -HaveCount 1
        $Views.List | Should -Match 'listens on http://127\.0\.0\.1:8080 '
        $Views.List | Should -Match 'token=\*\*\*'
        foreach ($document in 'Sarif', 'JUnit', 'Document') {
            $Views[$document] | Should -Match 'listens on http://127\.0\.0\.1:8080 ' -Because "the $document document quotes the findings"
            $Views[$document] | Should -Match 'token=\*\*\*' -Because "the $document document quotes the findings"
        }
    }

    It 'masks every token in the <_> view' -ForEach @('Table', 'List', 'Json', 'Errors', 'Streams', 'Strings', 'Sarif', 'JUnit', 'Document') {
        $text = $Views[$_]
        $text | Should -Not -BeNullOrEmpty
        foreach ($token in $Tokens) {
            $text | Should -Not -Match ([regex]::Escape($token)) -Because "the $_ view must not show '$token'"
        }
    }

    It 'masks the tokens in place, keeping the words around them' {
        $Views.List | Should -Match '--header=Bearer \*\*\*'
        $Views.List | Should -Match '--header=bearer \*\*\*'
        $Views.List | Should -Match '--token \*\*\*'
        $Views.List | Should -Match "Authorization: Bearer \*\*\*"
        $Views.List | Should -Match "X-Consul-Token: \*\*\*"
    }
}

Describe 'Test-MeshConfig redaction of paths' -Tag Integration {
    # A path is quoted in its error's message and is the error's target; a token in a file name must not reach either.
    It 'masks a token in a missing path given by <How>' -ForEach @(
        @{ How = '-Path (PowerShell finds it missing)'; Parameter = 'Path'; Name = 'Bearer abcdefgh12345' }
        @{ How = '-Path with a wildcard that matches nothing'; Parameter = 'Path'; Name = 'Bearer abcdefgh12345*' }
        @{ How = '-LiteralPath'; Parameter = 'LiteralPath'; Name = 'Bearer abcdefgh12345' }
    ) {
        $arguments = @{ $Parameter = Join-Path $TestDrive $Name }

        Test-MeshConfig @arguments -ErrorVariable pathProblems -ErrorAction SilentlyContinue

        $pathProblems | Should -HaveCount 1
        $pathProblems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PathNotFound,*'
        $text = ($pathProblems | Format-List * -Force | Out-String -Width 500) + $pathProblems[0].Exception.Message + $pathProblems[0].TargetObject
        $text | Should -Match 'Bearer \*\*\*'
        $text | Should -Not -Match 'abcdefgh12345'
    }
}

Describe 'Test-MeshConfig output of hostile values (issue 10)' -Tag Integration {
    BeforeAll {
        # A password with a raw '@', numbers YAML reads as numbers under secret keys, a compose-style DB_PASS item, and
        # a name and a label holding ESC[2J and an OSC 8 hyperlink.
        $Hostile = @'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
      annotations:
        consul.hashicorp.com/connect-inject: "true"
    spec:
      containers:
        - name: api
          image: api
          args: ["DB_PASS=composepass4242"]
          env:
            - name: DATABASE_URL
              value: "postgres://app:P@ssw0rd-Qm9z@postgres:5432/db"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: numeric
data:
  password: 87654321
---
apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
    - name: worker
      image: worker
      env:
        - name: DB_PASSWORD
          value: 87654322
---
apiVersion: v1
kind: Service
metadata:
  name: "orders\e[2J"
spec:
  selector:
    app: "\e]8;;http://evil.example/\aclick\e]8;;\a"
  ports:
    - port: 80
      targetPort: 8080
'@
        $HostileFolder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'hostile')
        Set-Content -LiteralPath (Join-Path $HostileFolder 'all.yaml') -Value $Hostile
        $HostileFindings = @(Test-MeshConfig -Path $HostileFolder.FullName -ErrorVariable HostileProblems -ErrorAction SilentlyContinue)
        $clixml = Join-Path $TestDrive 'findings.clixml'
        $HostileFindings | Export-Clixml -LiteralPath $clixml -Depth 10
        $HostileText = @(
            $HostileFindings | Format-Table | Out-String -Width 500
            $HostileFindings | Format-List * | Out-String -Width 500
            $HostileFindings | ConvertTo-Json -Depth 10
            Get-Content -Raw -LiteralPath $clixml
            $HostileProblems | Format-List * -Force | Out-String -Width 500
            $HostileProblems.Exception.Message
            Test-MeshConfig -Path $HostileFolder.FullName -Verbose -Debug -ErrorAction SilentlyContinue *>&1 | Out-String -Width 500
        ) -join "`n"
        # The formatter may strip escapes from what it renders (PSStyle.OutputRendering), hiding a raw one; JSON, CliXml
        # and the error records' own strings are the objects' text as emitted.
        $HostileRaw = @(
            $HostileFindings | ConvertTo-Json -Depth 10 -EscapeHandling Default
            Get-Content -Raw -LiteralPath $clixml
            $HostileProblems.Exception.Message
            $HostileProblems.TargetObject
        ) -join "`n"
    }

    It 'reports the type errors and the escaped Service' {
        $HostileProblems.Count | Should -BeGreaterOrEqual 2
        ($HostileFindings.Resource.Name -join ' ') | Should -Match ([regex]::Escape('orders\x1b[2J'))
    }

    It 'never shows <_>' -ForEach @('ssw0rd', 'Qm9z', '87654321', '87654322', 'composepass4242') {
        $HostileText | Should -Not -Match ([regex]::Escape($_))
    }

    It 'emits no ESC or BEL, raw or as an XML character reference' {
        $HostileRaw | Should -Not -Match "[`e`a]"
        $HostileRaw | Should -Not -Match '\\u001b|_x001B_|&#x1B;|&#27;'
        $HostileRaw | Should -Match ([regex]::Escape('orders\\x1b[2J'))
    }
}
