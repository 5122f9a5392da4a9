using System.Management.Automation.Runspaces;
using MeshOps.Analysis;
using MeshOps.Sources.Files;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Analyses a small mesh once on a thread-pool thread after Import-Module, so the first real Test-MeshConfig (or
/// Test-MeshPath, Test-MeshIntention, ...) finds the code it runs already compiled. ReadyToRun cannot precompile all
/// of it: the collections and LINQ over our value-type keys and tuples are generic instantiations outside any version
/// bubble (System.Text.Json's metadata for KubernetesClient's models was most of it until files were read by the
/// generated readers; issue 14). Set MESHOPS_NO_WARMUP=1 to skip it (the first call then compiles what it needs).
/// </summary>
/// <remarks>
/// It starts when the pipeline that imported the module has ended (the runspace is available again), not during the
/// import: run beside the import it contended with it for the type loader and the JIT and made Import-Module about
/// 50 ms slower, while a command in the same script as the import gained almost nothing from it (the cold work of a
/// session is the same ~600 ms whichever thread does it; issue 14). Between an interactive Import-Module and the next
/// command the user types, the runspace is idle and the second core free: that is where the warm-up pays.
/// PowerShell also reports the runspace available when a nested pipeline ends inside a running one (auto-loading the
/// module of a command used later in the same script), so the warm-up can start there too: no worse than before.
/// </remarks>
internal static class FirstCallWarmup
{
    private static int started;
    private static int queued;

    /// <param name="importing">The runspace running Import-Module; null when there is none (the warm-up starts now).</param>
    public static void Start(Runspace? importing)
    {
        if (Environment.GetEnvironmentVariable("MESHOPS_NO_WARMUP") is "1" or "true"
            || Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        if (importing is null)
        {
            Queue();
            return;
        }

        importing.AvailabilityChanged += StartWhenAvailable;

        // The import may have ended before the handler was added (a host importing between its own pipelines).
        if (importing.RunspaceAvailability == RunspaceAvailability.Available)
        {
            StartNow(importing);
        }
    }

    private static void StartWhenAvailable(object? sender, RunspaceAvailabilityEventArgs e)
    {
        if (sender is not Runspace runspace)
        {
            return;
        }

        if (e.RunspaceAvailability == RunspaceAvailability.Available)
        {
            StartNow(runspace);
        }
        else if (e.RunspaceAvailability == RunspaceAvailability.None && Volatile.Read(ref queued) == 0)
        {
            // Closed before it was ever available: a later import, in another runspace, may start it instead.
            runspace.AvailabilityChanged -= StartWhenAvailable;
            Interlocked.Exchange(ref started, 0);
        }
    }

    private static void StartNow(Runspace runspace)
    {
        runspace.AvailabilityChanged -= StartWhenAvailable;
        Queue();
    }

    private static void Queue()
    {
        // Once, however many availability events race here. The SDK assemblies load on that thread, through the
        // resolver OnImport hooked.
        if (Interlocked.Exchange(ref queued, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Analyze(), null);
        }
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
