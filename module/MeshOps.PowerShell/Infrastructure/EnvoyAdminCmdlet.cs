using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using Microsoft.PowerShell.Commands;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// What every Envoy data-plane cmdlet shares: its targets (<c>-Pod</c> through a port-forward, every running pod of a
/// <c>-Service</c> in parallel, an <c>-AdminUrl</c>, or saved output files by <c>-Path</c>), and the rule that a target
/// that fails is one error with a stable ID and none of its objects, while the other targets are still written.
/// A subclass says how to read one sidecar live and how to read one saved file; results are written on the pipeline
/// thread, in the order the targets were given (a service's pods by name).
/// </summary>
public abstract class EnvoyAdminCmdlet : MeshOpsCmdlet
{
    protected const string PodSet = "Pod";
    protected const string ServiceSet = "Service";
    protected const string AdminUrlSet = "AdminUrl";
    protected const string PathSet = "Path";

    /// <summary>Sidecars asked at once for one -Service: enough for a deployment's replicas, few enough for the API server.</summary>
    private const int Parallelism = 8;

    private KubernetesConnection? _connection;
    private readonly ConcurrentQueue<string> _retries = new();
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    [Parameter(ParameterSetName = PodSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Pod { get; set; } = [];

    [Parameter(ParameterSetName = ServiceSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string[] Service { get; set; } = [];

    /// <summary>The namespace of -Pod or -Service; the kubeconfig context's namespace, else "default", as kubectl.</summary>
    [Parameter(ParameterSetName = PodSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ServiceSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>The port Envoy's admin listens on inside the pod (consul-k8s: 19000).</summary>
    [Parameter(ParameterSetName = PodSet)]
    [Parameter(ParameterSetName = ServiceSet)]
    [ValidateRange(1, 65535)]
    public int AdminPort { get; set; } = EnvoyAdminClient.DefaultAdminPort;

    [Parameter(ParameterSetName = PodSet)]
    [Parameter(ParameterSetName = ServiceSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    [Parameter(ParameterSetName = PodSet)]
    [Parameter(ParameterSetName = ServiceSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    [Parameter(ParameterSetName = AdminUrlSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public Uri[] AdminUrl { get; set; } = [];

    /// <summary>Saved admin output (curl, kubectl exec … curl): the format is read from the content, never the extension.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The longest one sidecar may take, across its retries (an attempt gets at most 10 s of it).</summary>
    [Parameter(ParameterSetName = PodSet)]
    [Parameter(ParameterSetName = ServiceSet)]
    [Parameter(ParameterSetName = AdminUrlSet)]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = (int)ClientTimeouts.Default.TotalTimeout.TotalSeconds;

    /// <summary>Targets that failed (each already written as an error) and targets read whole, so far.</summary>
    protected int FailedTargets { get; private set; }

    protected int SucceededTargets { get; private set; }

    /// <summary>Reads one sidecar and returns its whole result; throw (EndpointException, EnvoyFormatException) rather than return part of it.</summary>
    protected abstract Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken);

    /// <summary>Reads one saved output file; throw EnvoyFormatException rather than return part of it.</summary>
    protected abstract IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content);

    /// <summary>Writes one target's complete result; Test-EnvoyReady -Quiet keeps it instead.</summary>
    protected virtual void WriteResults(EnvoySource source, IReadOnlyList<object> results) => WriteObject(results, enumerateCollection: true);

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case PathSet:
                foreach (var path in Path)
                {
                    ReadPath(path);
                }

                break;
            case AdminUrlSet:
                RunTargets(AdminUrl.Select(UrlTarget).OfType<Target>().ToList());
                break;
            case ServiceSet:
                foreach (var service in Service)
                {
                    RunTargets(ServiceTargets(service));
                }

                break;
            default:
                RunTargets(Pod.Select(PodTarget).OfType<Target>().ToList());
                break;
        }
    }

    protected override void EndProcessing()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private EnvoyAdminOptions AdminOptions()
    {
        var total = TimeSpan.FromSeconds(TimeoutSec);
        var attempt = total < ClientTimeouts.Default.AttemptTimeout ? total : ClientTimeouts.Default.AttemptTimeout;
        return new EnvoyAdminOptions
        {
            Timeouts = ClientTimeouts.Default with { TotalTimeout = total, AttemptTimeout = attempt },
            OnRetry = notice => _retries.Enqueue(string.Create(CultureInfo.InvariantCulture,
                $"{notice.Endpoint}: attempt {notice.FailedAttempt} failed ({notice.Reason}); retrying in {notice.Delay.TotalSeconds:0.##} s.")),
        };
    }

    /// <summary>The cluster connection, made once per invocation; null (and an error written) when there is none.</summary>
    private KubernetesConnection? Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var kubeconfig = Kubeconfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Kubeconfig);
        try
        {
            _connection = KubernetesConnection.Create(new KubernetesConnectionOptions { Kubeconfig = kubeconfig, Context = Context });
            WriteVerbose($"Reaching sidecars through {_connection.Describe()}.");
            return _connection;
        }
        catch (KubernetesConfigurationException invalid)
        {
            // Every target of this invocation needs the connection: without one the command cannot do anything.
            ThrowTerminatingError(NewErrorRecord(ErrorIds.KubeconfigInvalid, invalid, kubeconfig ?? "<kubeconfig>"));
            return null;
        }
    }

    private string TargetNamespace(KubernetesConnection connection) => Namespace ?? connection.Namespace;

    private Target? PodTarget(string pod)
    {
        var connection = Connection()!;
        var ns = TargetNamespace(connection);
        var options = AdminOptions();
        return new Target(
            EnvoySource.ForPod(ns, pod, AdminPort),
            async ct =>
            {
                await EnvoyAdminTargets.EnsurePodRunningAsync(connection, ns, pod, ct).ConfigureAwait(false);
                return EnvoyAdminClient.ForPod(connection, ns, pod, AdminPort, options);
            });
    }

    private List<Target> ServiceTargets(string service)
    {
        var connection = Connection()!;
        var ns = TargetNamespace(connection);
        IReadOnlyList<string> pods;
        try
        {
            pods = RunCancellable(ct => EnvoyAdminTargets.PodsOfServiceAsync(connection, ns, service, ct).GetAwaiter().GetResult());
        }
        catch (Exception e) when (Classify(e) is { } errorId)
        {
            FailedTargets++;
            WriteError(NewErrorRecord(errorId, e, $"service {ns}/{service}"));
            return [];
        }

        WriteVerbose($"Service {ns}/{service}: asking the sidecars of {pods.Count} running pod(s): {string.Join(", ", pods)}.");
        var options = AdminOptions();
        return pods.Select(pod => new Target(
            EnvoySource.ForPod(ns, pod, AdminPort),
            _ => Task.FromResult<IEnvoyAdmin>(EnvoyAdminClient.ForPod(connection, ns, pod, AdminPort, options)))).ToList();
    }

    private Target? UrlTarget(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            FailedTargets++;
            WriteError(NewErrorRecord(ErrorIds.InvalidAdminUrl,
                $"'{url.OriginalString}' is not an http:// or https:// URL of an Envoy admin (e.g. http://127.0.0.1:19000).", url.OriginalString));
            return null;
        }

        var options = AdminOptions();
        return new Target(EnvoyAdminClient.SourceFor(url), _ => Task.FromResult<IEnvoyAdmin>(EnvoyAdminClient.ForUrl(url, options)));
    }

    /// <summary>Reads every target at once (at most <see cref="Parallelism"/>), then writes each in order on this thread.</summary>
    private void RunTargets(IReadOnlyList<Target> targets)
    {
        // Objects piped from another Envoy cmdlet bind one -Pod each: four listeners of one pod would read it four times
        // and write its results four times. A sidecar is read once per invocation, as Get-MeshRule explains a rule once.
        targets = targets.Where(t => _asked.Add(t.Source.Endpoint)).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var activity = MyInvocation.MyCommand.Name;
        ReportProgress(activity, targets.Count == 1 ? $"Asking {targets[0].Source}" : $"Asking {targets.Count} sidecars");
        var outcomes = RunCancellable(ct =>
        {
            using var gate = new SemaphoreSlim(Parallelism);
            return Task.WhenAll(targets.Select(t => ReadTargetAsync(t, gate, ct))).GetAwaiter().GetResult();
        });
        CompleteProgress(activity);
        while (_retries.TryDequeue(out var retry))
        {
            WriteVerbose(retry);
        }

        foreach (var outcome in outcomes)
        {
            if (outcome.Error is { } error)
            {
                FailedTargets++;
                WriteError(error);
            }
            else
            {
                SucceededTargets++;
                WriteResults(outcome.Source, outcome.Results);
            }
        }
    }

    private async Task<Outcome> ReadTargetAsync(Target target, SemaphoreSlim gate, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var admin = await target.Open(ct).ConfigureAwait(false);
            await using (admin.ConfigureAwait(false))
            {
                return new Outcome(target.Source, await ReadLiveAsync(admin, ct).ConfigureAwait(false), null);
            }
        }
        catch (Exception e) when (Classify(e) is { } errorId)
        {
            return new Outcome(target.Source, [], NewErrorRecord(errorId, e, target.Source.Endpoint));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The error ID of a failure that belongs to one target; null for anything else (a bug, a cancellation), which stops the command.</summary>
    private static string? Classify(Exception e) => e switch
    {
        EndpointException { Failure: EndpointFailure.ConnectionRefused or EndpointFailure.ConnectionLost or EndpointFailure.Timeout or EndpointFailure.Tls } => ErrorIds.EnvoyUnreachable,
        EndpointException => ErrorIds.EnvoyAdminFailed,
        EnvoyFormatException => ErrorIds.EnvoyOutputInvalid,
        EnvoyTargetException { Problem: EnvoyTargetProblem.PodNotFound } => ErrorIds.PodNotFound,
        EnvoyTargetException { Problem: EnvoyTargetProblem.PodNotRunning } => ErrorIds.PodNotRunning,
        EnvoyTargetException { Problem: EnvoyTargetProblem.ServiceNotFound } => ErrorIds.ServiceNotFound,
        EnvoyTargetException => ErrorIds.ServiceHasNoPods,
        KubernetesRequestException { StatusCode: 401 } => ErrorIds.ClusterUnauthorized,
        KubernetesRequestException { StatusCode: 403 } => LoadErrorIds.KubernetesForbidden,
        KubernetesRequestException => ErrorIds.ClusterUnreachable,
        _ => null,
    };

    private void ReadPath(string path)
    {
        foreach (var file in ResolvePath(path))
        {
            if (ReadFile(file) is not { } content)
            {
                continue;
            }

            try
            {
                var source = EnvoySource.ForFile(file);
                var results = ReadSaved(source, content);
                SucceededTargets++;
                WriteResults(source, results);
            }
            catch (EnvoyFormatException invalid)
            {
                FailedTargets++;
                WriteError(NewErrorRecord(ErrorIds.EnvoyOutputInvalid, invalid, file));
            }
        }
    }

    /// <summary>
    /// A saved answer's bytes, within the size limit an admin answer has. A FIFO or device is never opened (reading one
    /// can wait forever, issue 10); a failure is written as the loader's error IDs and gives null.
    /// </summary>
    private byte[]? ReadFile(string file)
    {
        if (Directory.Exists(file) || !RegularFile.Is(file))
        {
            Fail(LoadErrorIds.NotARegularFile, $"'{file}' is not a regular file (a folder, named pipe, socket or device); saved Envoy admin output is read from files only.", file);
            return null;
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length > EnvoyAdminOptions.DefaultMaxBodyBytes)
            {
                Fail(LoadErrorIds.FileTooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"'{file}' is {stream.Length} bytes, more than the limit of {EnvoyAdminOptions.DefaultMaxBodyBytes} bytes for one admin answer; it was not read."), file);
                return null;
            }

            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            return content;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(LoadErrorIds.UnreadableFile, $"Cannot read '{file}': {e.Message}", file);
            return null;
        }
    }

    private void Fail(string errorId, string message, string target)
    {
        FailedTargets++;
        WriteError(NewErrorRecord(errorId, message, target));
    }

    /// <summary>
    /// A path that exists is taken as written (so <c>a[1].json</c> is not a wildcard); otherwise it is expanded as a
    /// wildcard. A path that names nothing, or a pattern matching nothing, is an error: a check of no file is no answer.
    /// </summary>
    private IReadOnlyList<string> ResolvePath(string path)
    {
        try
        {
            var literal = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                Fail(ErrorIds.NotFileSystemPath, $"'{path}' is on the {provider.Name} provider; saved Envoy output is read from the file system.", path);
                return [];
            }

            if (File.Exists(literal) || Directory.Exists(literal))
            {
                return [literal];
            }

            // A pattern such as ./saved/* also matches folders; only the files are answers to read.
            var resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _).Where(p => !Directory.Exists(p)).ToList();
            if (resolved.Count > 0)
            {
                return resolved;
            }
        }
        catch (SessionStateException e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException)
        {
        }

        Fail(ErrorIds.PathNotFound, $"Cannot find the file '{path}' because it does not exist.", path);
        return [];
    }

    private sealed record Target(EnvoySource Source, Func<CancellationToken, Task<IEnvoyAdmin>> Open);

    private sealed record Outcome(EnvoySource Source, IReadOnlyList<object> Results, ErrorRecord? Error);
}
