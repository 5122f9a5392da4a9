using System.Diagnostics;
using System.Management.Automation;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Stats;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads a sidecar's stats (<c>/stats</c> text, <c>?format=json</c> or <c>/stats/prometheus</c>, live or saved) as
/// typed counters, gauges, text readouts and histograms; with <c>-Interval</c>, samples twice and returns each counter's
/// and gauge's delta and rate, so a failure count rising now is told apart from an old one.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EnvoyStatistic", DefaultParameterSetName = PodSet)]
[Alias("Get-EnvoyStats")]
[OutputType(typeof(EnvoyStatistic), typeof(EnvoyStatisticDelta))]
public sealed class GetEnvoyStatisticCommand : EnvoyAdminCmdlet
{
    // Only reference-type fields of SDK types: PowerShell lists this assembly's types before the module's resolver is
    // hooked, and a field of an SDK enum would make the runtime load MeshOps then, from a folder it does not search.
    private EnvoyStatisticFilter? _filter;
    private IReadOnlyList<EnvoyStatsRequest> _requests = [];
    private bool _warnedUsedOnly;

    /// <summary>Stat names to keep: wildcards matched against the whole name (any case), or with -Regex a regular expression matched anywhere. Live, it is sent to Envoy as filter=.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>-Filter is a regular expression (RE2 syntax when sent to Envoy), not wildcards.</summary>
    [Parameter]
    public SwitchParameter Regex { get; set; }

    /// <summary>Only the stats of the Envoy clusters that reach this Consul service (any subset, datacenter, partition or peer), or of the cluster with exactly this name (local_app).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Cluster { get; set; }

    /// <summary>Only stats Envoy has written to (usedonly). A saved file has no used flag: there it keeps the stats whose values show use.</summary>
    [Parameter]
    public SwitchParameter UsedOnly { get; set; }

    /// <summary>Only non-zero numbers, non-empty text and histograms with recorded values; with -Interval, only stats that moved.</summary>
    [Parameter]
    public SwitchParameter NonZero { get; set; }

    /// <summary>The output to ask a live sidecar for (a saved file's format is read from its content).</summary>
    [Parameter(ParameterSetName = PodSet)]
    [Parameter(ParameterSetName = ServiceSet)]
    [Parameter(ParameterSetName = AdminUrlSet)]
    [ValidateSet("Text", "Json", "Prometheus")]
    public string Format { get; set; } = "Text";

    /// <summary>Seconds between two samples: returns deltas and rates per second instead of the stats.</summary>
    /// <remarks>In every parameter set, so -Path with it gets an error that says why rather than PowerShell's parameter-set message.</remarks>
    [Parameter]
    [ValidateRange(0.1, 3600)]
    public double Interval { get; set; }

    protected override void BeginProcessing()
    {
        if (ParameterSetName == PathSet && Interval > 0)
        {
            ThrowTerminatingError(NewErrorRecord(ErrorIds.ConflictingParameters,
                "-Interval samples a live sidecar twice; a saved file is one sample. Use -Pod, -Service or -AdminUrl with -Interval.", "Interval"));
        }

        try
        {
            _filter = EnvoyStatisticFilter.Create(Filter, Regex, Cluster, usedOnly: UsedOnly, nonZero: NonZero && Interval == 0);
            _requests = EnvoyStatsQuery.Requests(Enum.Parse<EnvoyStatsFormat>(Format, ignoreCase: true), _filter.EnvoyFilter, UsedOnly);
        }
        catch (ArgumentException invalid)
        {
            ThrowTerminatingError(NewErrorRecord(ErrorIds.InvalidFilter, invalid.Message, Filter));
        }

        base.BeginProcessing();
    }

    protected override async Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var filter = _filter!;
        var requests = _requests;
        var prometheus = requests[0].Format == EnvoyStatsFormat.Prometheus;
        var clock = Stopwatch.StartNew();
        var first = await SampleAsync(admin, requests, cancellationToken).ConfigureAwait(false);
        if (Interval == 0)
            return [.. filter.Apply(first, envoyFiltered: true, prometheus)];

        await Task.Delay(TimeSpan.FromSeconds(Interval), cancellationToken).ConfigureAwait(false);
        var between = clock.Elapsed;
        var second = await SampleAsync(admin, requests, cancellationToken).ConfigureAwait(false);
        var deltas = EnvoyStatisticDeltas.Compute(
            [.. filter.Apply(first, envoyFiltered: true, prometheus)],
            [.. filter.Apply(second, envoyFiltered: true, prometheus)],
            between);
        return [.. deltas.Where(d => !NonZero || d.Delta != 0)];
    }

    protected override IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content)
    {
        if (UsedOnly && !_warnedUsedOnly)
        {
            _warnedUsedOnly = true;
            WriteWarning("A saved stats file carries no 'used' flag (Envoy keeps it in memory): -UsedOnly keeps the stats whose values show use. Save the output of /stats?usedonly for Envoy's own answer.");
        }

        // Live, an empty answer is Envoy's for a filter that matched nothing; a saved file with nothing in it is a failed
        // download, and no statistic must not read as a sidecar with nothing to report.
        if (content.Span.Trim(" \t\r\n"u8).IsEmpty)
            throw new EnvoyFormatException(source, "/stats", 0, "the file is empty: Envoy's /stats always lists its server.* statistics.");

        return [.. _filter!.Apply(EnvoyStatsParser.Parse(source, content.Span), envoyFiltered: false)];
    }

    /// <summary>One reading: the requests in turn (each a complete answer, or the whole target fails).</summary>
    private static async Task<IReadOnlyList<EnvoyStatistic>> SampleAsync(IEnvoyAdmin admin, IReadOnlyList<EnvoyStatsRequest> requests, CancellationToken cancellationToken)
    {
        var answers = new List<(EnvoyStatsRequest, ReadOnlyMemory<byte>)>(requests.Count);
        foreach (var request in requests)
        {
            var response = await admin.GetAsync(request.PathAndQuery, cancellationToken).ConfigureAwait(false);
            answers.Add((request, response.Body));
        }

        return EnvoyStatsQuery.Read(admin.Source, answers);
    }
}
