using System.Management.Automation;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes the ServiceIntentions that let (or stop) sources call a destination, validated as the Consul server
/// validates it (<see cref="IntentionComposer"/>). Consul keeps one ServiceIntentions per destination, so the
/// command collects what it is given and writes one object per destination at the end: ServiceIntentions piped in
/// are merged with its own when they share the destination, and passed through otherwise.
/// </summary>
[Cmdlet(VerbsCommon.New, "MeshIntention")]
[OutputType(typeof(ServiceIntentions))]
public sealed class NewMeshIntentionCommand : MeshOpsCmdlet
{
    private readonly List<ServiceIntentions> _byDestination = [];

    // Parameters typed on the command line describe one intention for the whole pipeline; bound from each piped
    // record (a CSV row), they describe one intention per record.
    private bool _fromCommandLine;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string Destination { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string[] Source { get; set; } = [];

    // Strings, not the SDK's enum: a field of an SDK value type would make PowerShell load the SDK while it analyses
    // the module, before ModuleAssemblyLoader can resolve it from dependencies/.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Allow", "Deny")]
    public string? Action { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Allow", "Deny")]
    public string? PermissionAction { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PathExact { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PathPrefix { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PathRegex { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE")]
    public string[]? Method { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^[^=]+(=.*)?$")]
    public string[]? Header { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public ServiceIntentions[]? InputObject { get; set; }

    protected override void BeginProcessing() =>
        _fromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Destination));

    protected override void ProcessRecord()
    {
        foreach (var piped in InputObject ?? [])
        {
            Add(piped);
        }

        if (!_fromCommandLine)
        {
            Add(Request());
        }
    }

    protected override void EndProcessing()
    {
        if (_fromCommandLine)
        {
            Add(Request());
        }

        foreach (var intentions in _byDestination)
        {
            WriteObject(intentions);
        }
    }

    private void Add(ServiceIntentions piped)
    {
        var same = _byDestination.FindIndex(e => IntentionComposer.SameDestination(e, piped));
        Validated(piped.Spec.Destination?.Name, () =>
        {
            if (same < 0)
            {
                _byDestination.Add(piped);
            }
            else
            {
                _byDestination[same] = IntentionComposer.Merge(_byDestination[same], piped);
            }
        });
    }

    private void Add(IntentionRequest request) => Validated(request.Destination, () =>
    {
        var own = IntentionComposer.Compose(request);
        var same = _byDestination.FindIndex(e => IntentionComposer.SameDestination(e, own));
        if (same < 0)
        {
            _byDestination.Add(own);
        }
        else
        {
            _byDestination[same] = IntentionComposer.Compose(request, _byDestination[same]);
        }
    });

    private void Validated(string? destination, System.Action compose)
    {
        try
        {
            compose();
        }
        catch (InvalidIntentionException e)
        {
            // Nothing is written: half a set of intentions applied is a policy nobody asked for.
            ThrowTerminatingError(NewErrorRecord(ErrorIds.InvalidIntention, e, destination));
        }
    }

    private IntentionRequest Request() => new(Destination, Source)
    {
        Action = ActionOf(Action),
        PermissionAction = ActionOf(PermissionAction),
        Http = HttpMatch(PathExact, PathPrefix, PathRegex, Method, Header),
        Description = Description,
    };

    private static IntentionAction? ActionOf(string? action) =>
        action is null ? null : Enum.Parse<IntentionAction>(action, ignoreCase: true);

    private static Action<HttpMatch>? HttpMatch(string? exact, string? prefix, string? regex, string[]? methods, string[]? headers)
    {
        if (exact is null && prefix is null && regex is null && methods is null && headers is null)
        {
            return null;
        }

        return http =>
        {
            if (exact is not null)
            {
                http.PathExact(exact);
            }

            if (prefix is not null)
            {
                http.PathPrefix(prefix);
            }

            if (regex is not null)
            {
                http.PathRegex(regex);
            }

            if (methods is { Length: > 0 })
            {
                http.Methods([.. methods.Select(m => new HttpMethod(m.ToUpperInvariant()))]);
            }

            foreach (var header in headers ?? [])
            {
                // name=value matches that exact value; a bare name matches the header's presence.
                var split = header.IndexOf('=', StringComparison.Ordinal);
                if (split < 0)
                {
                    http.Header(header, h => h.Present());
                }
                else
                {
                    http.Header(header[..split], h => h.Exact(header[(split + 1)..]));
                }
            }
        };
    }
}
