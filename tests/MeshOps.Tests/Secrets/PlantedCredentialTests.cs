using System.Collections;
using System.Reflection;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Secrets;

/// <summary>
/// Issue 10 cause 5: a unique marker planted in every place a credential can hide, then every public string the SDK
/// returns (findings, their evidence, load errors, warnings, skipped documents) is searched for all of them by
/// reflection, so a new property or a new rule that quotes a value is covered without being listed here.
/// </summary>
public class PlantedCredentialTests
{
    private static readonly string[] Markers =
    [
        "mkUrlPw1", "mkUrlAt2", "mkEnvPw3", "87654322", "11112222", "mkPass4", "mkAnnot5", "mkAdo6", "mkLibpq7",
        "mkFlag8", "mkSelector9", "mkBearer10abc", "mkHeader11", "mkJson12", "mkCompose13",
    ];

    // Each document names its marker's place; calls go to Services that are missing or mismatched so rules quote them.
    private const string Planted = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          annotations:
            vault.hashicorp.com/agent-inject-token: mkAnnot5
            example.com/db: "postgres://app:mkAnnot5@postgres:5432/db"
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
                consul.hashicorp.com/connect-service-upstreams: "orders:9090"
            spec:
              containers:
                - name: api
                  image: api
                  args: ["--token", "mkFlag8", "--header=Authorization: Bearer mkBearer10abc", "--upstream=http://u:mkHeader11@orders:81"]
                  env:
                    - name: DATABASE_URL
                      value: postgres://app:mkUrlPw1@postgres:5432/db
                    - name: REPORTS_URL
                      value: "postgres://app:P@mkUrlAt2@reports:5433/db"
                    - name: DB_PASSWORD
                      value: mkEnvPw3
                    - name: ADO
                      value: "Host=payments;Port=5434;Password=mkAdo6"
                    - name: LIBPQ
                      value: "host=ledger port=5435 password=mkLibpq7"
                    - name: SETTINGS
                      value: '{"url": "http://ledger:1234", "password": "mkJson12"}'
                  volumeMounts:
                    - name: conf
                      mountPath: /etc/app
              volumes:
                - name: conf
                  configMap:
                    name: api-conf
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api-conf
        data:
          app.env: |
            DB_PASS=mkPass4
            ORDERS=http://svc:mkUrlPw1@orders:9091
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: numeric
        data:
          password: 11112222
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
          name: orders
        spec:
          selector:
            app: orders
            token: mkSelector9
          ports:
            - port: 9090
              targetPort: 8080
        ---
        services:
          web:
            environment:
              - "DB_PASS=mkCompose13"
        """;

    [Fact]
    public void No_returned_text_holds_a_planted_credential()
    {
        var manifests = ManifestLoader.LoadText(Planted, "planted.yaml");
        var report = MeshAnalyzer.Analyze(manifests);

        var texts = new List<string>();
        Collect(report, texts, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Collect(manifests.Skipped, texts, new HashSet<object>(ReferenceEqualityComparer.Instance));

        // The set must produce what it is meant to test: findings that quote calls and selectors, and type errors.
        // Markers are compared ignoring case: a host taken from a password is printed lower-cased.
        Assert.NotEmpty(report.Findings);
        Assert.True(report.LoadErrors.Count >= 2, string.Join('\n', report.LoadErrors));
        var leaks = texts.SelectMany(text => Markers.Where(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase)).Select(marker => $"{marker} in: {text}"));
        Assert.Empty(leaks);
    }

    // Public properties of MeshOps' own types, walked to the leaves; strings are collected, collections enumerated.
    private static void Collect(object? value, List<string> texts, HashSet<object> seen)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                texts.Add(text);
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Collect(item, texts, seen);
                }

                return;
        }

        var type = value.GetType();
        if (type.Namespace?.StartsWith("MeshOps", StringComparison.Ordinal) != true || type.IsEnum || !seen.Add(value))
        {
            return;
        }

        texts.Add(value.ToString() ?? "");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Collect(property.GetValue(value), texts, seen);
            }
        }
    }
}
