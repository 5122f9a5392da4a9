using MeshOps.Analysis;
using MeshOps.Sources.Files;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Analyses a small mesh once on a thread-pool thread right after Import-Module, so the first real Test-MeshConfig (or
/// Test-MeshPath, Test-MeshIntention, ...) finds the code it runs already compiled. ReadyToRun cannot precompile most
/// of it: System.Text.Json's metadata over value types for KubernetesClient's models and the collections over our
/// value-type keys are generic instantiations outside any version bubble, and JIT-compiling them took most of a
/// first call. On a second core, or while a user types, that work no longer sits in the first call.
/// Set MESHOPS_NO_WARMUP=1 to skip it (the first call then compiles what it needs, as before).
/// </summary>
internal static class FirstCallWarmup
{
    private static int started;

    public static void Start()
    {
        if (Environment.GetEnvironmentVariable("MESHOPS_NO_WARMUP") is "1" or "true"
            || Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        // The SDK assemblies load on that thread too, through the resolver OnImport has just hooked.
        ThreadPool.UnsafeQueueUserWorkItem(_ => Analyze(), null);
    }

    private static void Analyze()
    {
        try
        {
            MeshAnalyzer.Analyze(ManifestLoader.LoadText(SampleMesh, "<meshops warm-up>"));
        }
        catch (Exception)
        {
            // Nothing depends on the warm-up: a failure here only leaves the compiling to the first call, whose own
            // errors the user sees.
        }
    }

    // Every kind a typical mesh's manifests hold, and a call, so the loader, the model and the rules all run.
    private const string SampleMesh = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
            - name: http
              port: 9090
              targetPort: 9090
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: api
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api
        data:
          config.json: '{"db": "postgres://db:5432/app"}'
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: api
        stringData:
          token: warm-up
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceDefaults
        metadata:
          name: api
        spec:
          protocol: http
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: api
        spec:
          destination:
            name: api
          sources:
            - name: web
              action: allow
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 1
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
                  ports:
                    - containerPort: 9090
                  env:
                    - name: UPSTREAM
                      value: "http://web:8080"
                  volumeMounts:
                    - name: config
                      mountPath: /config
              volumes:
                - name: config
                  configMap:
                    name: api
        """;
}
