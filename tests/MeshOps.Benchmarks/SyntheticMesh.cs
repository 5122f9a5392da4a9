using System.Globalization;
using System.Text;

namespace MeshOps.Benchmarks;

/// <summary>
/// A deterministic, seeded, healthy synthetic mesh in one multi-document YAML text. Every service has a Service,
/// a ServiceAccount, ServiceDefaults and a connect-injected Deployment; HTTP services call 1–3 other HTTP services
/// through env var URLs, some also read a database connection string from a ConfigMap they mount; every destination
/// that is called has one ServiceIntentions allowing exactly its callers, behind a single deny-all.
/// Every eighth service is a TCP database (ServiceDefaults protocol tcp).
/// </summary>
public sealed class SyntheticMesh
{
    public const int DefaultSeed = 20260101;

    private SyntheticMesh(int services, int seed, string yaml, int resources, int calls, int configMaps, int intentions, int databases)
    {
        Services = services;
        Seed = seed;
        Yaml = yaml;
        Resources = resources;
        Calls = calls;
        ConfigMaps = configMaps;
        Intentions = intentions;
        Databases = databases;
    }

    public int Services { get; }

    public int Seed { get; }

    public string Yaml { get; }

    /// <summary>Kubernetes objects written to <see cref="Yaml"/> (the loader should read exactly this many).</summary>
    public int Resources { get; }

    /// <summary>Distinct caller → destination pairs (one URL or connection string each).</summary>
    public int Calls { get; }

    public int ConfigMaps { get; }

    /// <summary>ServiceIntentions objects, including the deny-all.</summary>
    public int Intentions { get; }

    public int Databases { get; }

    public string SourceName => $"synthetic-{Services}.yaml";

    public static bool IsDatabase(int index) => index % 8 == 7;

    public static string NameOf(int index) =>
        (IsDatabase(index) ? "db-" : "svc-") + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>HTTP services alternate between port 8080 → targetPort 8080 and port 80 → named targetPort "http".</summary>
    private static int ServicePortOf(int index) => IsDatabase(index) ? 5432 : index % 2 == 0 ? 8080 : 80;

    public static SyntheticMesh Generate(int services, int seed = DefaultSeed)
    {
        if (services < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(services), services, "At least 16 services (two databases).");
        }

        var random = new SplitMix64((ulong)seed ^ ((ulong)services << 32));
        var httpServices = Enumerable.Range(0, services).Where(i => !IsDatabase(i)).ToArray();
        var databases = Enumerable.Range(0, services).Where(IsDatabase).ToArray();

        // Decide the call graph first, so intentions can list each destination's actual callers.
        var httpCalls = new int[services][];
        var databaseCall = new int[services];
        var callers = new SortedSet<int>[services];
        for (var i = 0; i < services; i++)
        {
            callers[i] = [];
            databaseCall[i] = -1;
            httpCalls[i] = [];
        }

        var calls = 0;
        foreach (var i in httpServices)
        {
            var count = 1 + random.Next(3);
            var targets = new List<int>(count);
            while (targets.Count < count)
            {
                var target = httpServices[random.Next(httpServices.Length)];
                if (target != i && !targets.Contains(target))
                {
                    targets.Add(target);
                }
            }

            httpCalls[i] = [.. targets];
            foreach (var target in targets)
            {
                callers[target].Add(i);
                calls++;
            }

            if (random.Next(10) < 3)
            {
                var database = databases[random.Next(databases.Length)];
                databaseCall[i] = database;
                callers[database].Add(i);
                calls++;
            }
        }

        var yaml = new StringBuilder(services * 2600);
        var resources = 0;
        var configMaps = 0;
        for (var i = 0; i < services; i++)
        {
            var name = NameOf(i);
            resources += 4;
            WriteService(yaml, i, name);
            WriteServiceAccount(yaml, name);
            WriteServiceDefaults(yaml, name, IsDatabase(i) ? "tcp" : "http");
            if (databaseCall[i] >= 0)
            {
                WriteConfigMap(yaml, i, name, databaseCall[i]);
                resources++;
                configMaps++;
            }

            WriteDeployment(yaml, i, name, httpCalls[i], databaseCall[i] >= 0, random);
        }

        Document(yaml, "# Zero trust: deny everything, then allow exactly the calls the services make.");
        yaml.Append("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata:
              name: deny-all
            spec:
              destination:
                name: "*"
              sources:
                - name: "*"
                  action: deny

            """);
        resources++;
        var intentions = 1;
        for (var i = 0; i < services; i++)
        {
            if (callers[i].Count == 0)
            {
                continue;
            }

            var name = NameOf(i);
            Document(yaml);
            yaml.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: consul.hashicorp.com/v1alpha1
                kind: ServiceIntentions
                metadata:
                  name: {name}
                spec:
                  destination:
                    name: {name}
                  sources:

                """);
            foreach (var caller in callers[i])
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    - name: {NameOf(caller)}\n      action: allow\n");
            }

            resources++;
            intentions++;
        }

        return new SyntheticMesh(services, seed, yaml.ToString(), resources, calls, configMaps, intentions, databases.Length);
    }

    private static void Document(StringBuilder yaml, string? comment = null)
    {
        if (yaml.Length > 0)
        {
            yaml.Append("---\n");
        }

        if (comment is not null)
        {
            yaml.Append(comment).Append('\n');
        }
    }

    private static void WriteService(StringBuilder yaml, int index, string name)
    {
        var database = IsDatabase(index);
        var port = ServicePortOf(index);
        var targetPort = database ? "5432" : port == 80 ? "http" : "8080";
        Document(yaml, database ? $"# {name}: a TCP database." : $"# {name}: an HTTP API.");
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}
              labels:
                app: {name}
                tier: {(database ? "data" : "api")}
            spec:
              type: ClusterIP
              selector:
                app: {name}
              ports:
                - name: {(database ? "postgres" : "http")}
                  protocol: TCP
                  port: {port}
                  targetPort: {targetPort}

            """);
    }

    private static void WriteServiceAccount(StringBuilder yaml, string name)
    {
        Document(yaml);
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: {name}
            automountServiceAccountToken: true

            """);
    }

    private static void WriteServiceDefaults(StringBuilder yaml, string name, string protocol)
    {
        Document(yaml);
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata:
              name: {name}
            spec:
              protocol: {protocol}

            """);
    }

    private static void WriteConfigMap(StringBuilder yaml, int index, string name, int database)
    {
        Document(yaml);
        // No password: it would come from a Secret, never from the ConfigMap.
        yaml.Append(CultureInfo.InvariantCulture, $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{name}}-config
            data:
              config: |
                {
                  "db_connection": "host={{NameOf(database)}} port=5432 user=app{{index}} dbname=app{{index}} sslmode=disable",
                  "bind_address": ":8080",
                  "log_level": "info"
                }

            """);
    }

    private static void WriteDeployment(StringBuilder yaml, int index, string name, int[] httpCalls, bool hasConfig, SplitMix64 random)
    {
        var database = IsDatabase(index);
        Document(yaml);
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}
              labels:
                app: {name}
            spec:
              replicas: {1 + (index % 3)}
              selector:
                matchLabels:
                  app: {name}
              template:
                metadata:
                  labels:
                    app: {name}
                    tier: {(database ? "data" : "api")}
                  annotations:
                    consul.hashicorp.com/connect-inject: "true"
                spec:
                  serviceAccountName: {name}

            """);
        if (hasConfig)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                      volumes:
                        - name: config
                          configMap:
                            name: {name}-config
                            items:
                              - key: config
                                path: conf.json

                """);
        }

        yaml.Append(CultureInfo.InvariantCulture, $"""
                  containers:
                    - name: {name}
                      image: {(database ? "postgres:16-alpine" : $"registry.example.com/shop/{name}:1.{index % 7}.{index % 11}")}
                      ports:

            """);
        if (database)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                            - name: postgres
                              containerPort: 5432
                          env:
                            - name: POSTGRES_DB
                              value: app
                            - name: POSTGRES_USER
                              value: app

                """);
            return;
        }

        yaml.Append("""
                        - name: http
                          containerPort: 8080
                      env:
                        - name: BIND_ADDRESS
                          value: ":8080"

            """);
        if (hasConfig)
        {
            yaml.Append("""
                            - name: CONFIG_FILE
                              value: /config/conf.json

                """);
        }

        for (var c = 0; c < httpCalls.Length; c++)
        {
            var target = httpCalls[c];
            // Mostly the short name, sometimes the cluster-local FQDN; both resolve to the same Service.
            var host = random.Next(5) == 0 ? $"{NameOf(target)}.default.svc.cluster.local" : NameOf(target);
            var port = ServicePortOf(target);
            var path = random.Next(2) == 0 ? "" : "/api/v1";
            yaml.Append(CultureInfo.InvariantCulture, $"""
                            - name: UPSTREAM_{c + 1}_URL
                              value: "http://{host}:{port}{path}"

                """);
        }

        if (hasConfig)
        {
            yaml.Append("""
                          volumeMounts:
                            - name: config
                              mountPath: /config
                              readOnly: true

                """);
        }

        yaml.Append("""
                      readinessProbe:
                        httpGet:
                          path: /health
                          port: 8080

            """);
    }
}
