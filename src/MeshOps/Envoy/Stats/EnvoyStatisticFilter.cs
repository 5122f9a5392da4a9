using System.Text;
using System.Text.RegularExpressions;

namespace MeshOps.Envoy.Stats;

/// <summary>
/// Which stats a user asked for: a name pattern (PowerShell wildcards, or a regular expression), the stats of the
/// clusters that reach a Consul service, only used or non-zero stats. Live, the most selective part goes to Envoy as
/// <see cref="EnvoyFilter"/> (RE2, matched partially by Envoy) and <c>usedonly</c>; everything is also checked here, so
/// a saved file is filtered the same way.
/// </summary>
public sealed class EnvoyStatisticFilter
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private readonly Regex? _name;
    private readonly string? _service;
    private readonly string? _serviceNamespace;

    private EnvoyStatisticFilter(Regex? name, string? nameForEnvoy, string? service, string? serviceNamespace, bool usedOnly, bool nonZero)
    {
        _name = name;
        _service = service;
        _serviceNamespace = serviceNamespace;
        UsedOnly = usedOnly;
        NonZero = nonZero;
        EnvoyFilter = service is not null ? ClusterExpression(service) : nameForEnvoy;
    }

    /// <summary>What to send as <c>filter=</c>: Envoy takes one expression, so with a cluster it is the cluster's (the name pattern is then checked here).</summary>
    public string? EnvoyFilter { get; }

    public bool UsedOnly { get; }

    public bool NonZero { get; }

    /// <param name="pattern">A name pattern: wildcards (<c>*connect_fail*</c>, whole name, any case) or, with <paramref name="isRegex"/>, a regular expression matched anywhere in the name, as Envoy's <c>filter=</c> does.</param>
    /// <param name="isRegex">Whether <paramref name="pattern"/> is a regular expression (RE2 syntax when sent to Envoy).</param>
    /// <param name="service">A Consul service: only the stats of the clusters that reach it (any subset, datacenter, partition or peer), or an Envoy cluster's exact name (<c>local_app</c>).</param>
    /// <param name="serviceNamespace">The Consul namespace of <paramref name="service"/>, when it matters.</param>
    /// <exception cref="ArgumentException">The regular expression does not parse.</exception>
    public static EnvoyStatisticFilter Create(string? pattern, bool isRegex = false, string? service = null, string? serviceNamespace = null, bool usedOnly = false, bool nonZero = false)
    {
        Regex? name = null;
        string? forEnvoy = null;
        if (!string.IsNullOrEmpty(pattern))
        {
            forEnvoy = isRegex ? pattern : WildcardToExpression(pattern);
            try
            {
                name = new Regex(forEnvoy, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"'{pattern}' is not a valid regular expression: {e.Message}", e);
            }
        }

        return new EnvoyStatisticFilter(name, forEnvoy, string.IsNullOrEmpty(service) ? null : service, serviceNamespace, usedOnly, nonZero);
    }

    /// <summary>
    /// The stats that pass. <paramref name="envoyFiltered"/>: Envoy already applied <see cref="EnvoyFilter"/> and
    /// <c>usedonly</c> on its own names (a live read); Prometheus names differ from Envoy's, so a live Prometheus read
    /// is not matched against the name pattern again.
    /// </summary>
    public IEnumerable<EnvoyStatistic> Apply(IEnumerable<EnvoyStatistic> stats, bool envoyFiltered, bool prometheus = false)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var checkName = _name is not null && !(envoyFiltered && (prometheus || _service is null));
        return stats.Where(s =>
            (!checkName || _name!.IsMatch(s.Name))
            && (_service is null || ReachesService(s))
            && (!UsedOnly || envoyFiltered || ShowsUse(s))
            && (!NonZero || ShowsUse(s)));
    }

    /// <summary>
    /// A wildcard pattern as an anchored, case-insensitive RE2 expression (<c>*</c> any run, <c>?</c> one character,
    /// <c>[a-c]</c> a set, <c>`</c> escapes), the subset both RE2 and .NET read alike.
    /// </summary>
    public static string WildcardToExpression(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var expression = new StringBuilder("(?i)^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    expression.Append(".*");
                    break;
                case '?':
                    expression.Append('.');
                    break;
                case '`' when i + 1 < pattern.Length:
                    expression.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '[' when pattern.IndexOf(']', i + 1) is var close and > 0:
                    var set = pattern[(i + 1)..close];
                    expression.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                    i = close;
                    break;
                default:
                    expression.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return expression.Append('$').ToString();
    }

    /// <summary>
    /// The stats of every cluster that may reach <paramref name="service"/>: <c>cluster.[prefix~][subset.]service.…</c>
    /// or the cluster named exactly so; the decoded name then decides (<see cref="ConsulClusterName.Reaches"/>).
    /// </summary>
    private static string ClusterExpression(string service) =>
        $@"^cluster\.([^.~]+~)?([^.]+\.)?{Regex.Escape(service)}\.";

    private bool ReachesService(EnvoyStatistic stat) =>
        stat.Cluster is { } cluster
        && (cluster.Reaches(_service!, _serviceNamespace) || string.Equals(cluster.Name, _service, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A value that shows the stat was used. A saved file has no used flag (Envoy keeps it in memory), so
    /// <c>-UsedOnly</c> on a file keeps what shows use: a non-zero number, non-empty text, recorded histogram values.
    /// </summary>
    private static bool ShowsUse(EnvoyStatistic stat) => stat.Type switch
    {
        EnvoyStatisticType.TextReadout => !string.IsNullOrEmpty(stat.Text),
        EnvoyStatisticType.Histogram or EnvoyStatisticType.Summary => stat.HasRecordedValues,
        _ => stat.Value is { } value && value != 0 && !double.IsNaN(value),
    };
}
