namespace MeshOps.Envoy.Stats;

/// <summary>
/// One stat of an Envoy sidecar, as <c>/stats</c> (text or JSON) or <c>/stats/prometheus</c> printed it.
/// A dump holds hundreds of thousands of these, so the object stays small: the <c>cluster.&lt;name&gt;.</c> part of a
/// name is shared by every stat of that cluster and the rest is one string per distinct suffix; the name is put together
/// when asked for.
/// </summary>
public sealed class EnvoyStatistic : IEquatable<EnvoyStatistic>
{
    private readonly StatNameHead? _head;
    private readonly string _tail;
    private readonly double _value;
    private readonly object? _detail;
    private readonly EnvoyLabels? _labels;
    private readonly EnvoyStatisticType _type;
    private readonly bool _hasValue;

    internal EnvoyStatistic(EnvoySource source, StatNameHead? head, string tail, EnvoyStatisticType type, double value)
    {
        Source = source;
        _head = head;
        _tail = tail;
        _type = type;
        _value = value;
        _hasValue = true;
    }

    internal EnvoyStatistic(EnvoySource source, StatNameHead? head, string tail, EnvoyStatisticType type, object? detail, EnvoyLabels? labels = null, double? value = null)
    {
        Source = source;
        _head = head;
        _tail = tail;
        _type = type;
        _detail = detail;
        _labels = labels;
        _value = value ?? 0;
        _hasValue = value.HasValue;
    }

    /// <summary>The stat's name: Envoy's dotted name (<c>cluster.local_app.upstream_cx_total</c>), or the Prometheus family.</summary>
    public string Name => _head is null ? _tail : string.Concat(_head.Prefix, _tail);

    public EnvoyStatisticType Type => _type;

    /// <summary>A counter's or gauge's value; null for text readouts, histograms and summaries.</summary>
    public double? Value => _hasValue ? _value : null;

    /// <summary>A text readout's value.</summary>
    public string? Text => _detail as string;

    /// <summary>A histogram's quantiles (empty when Envoy has recorded no values) or a summary's; null for other stats.</summary>
    public IReadOnlyList<EnvoyQuantile>? Quantiles => (_detail as EnvoyHistogramData)?.Quantiles;

    /// <summary>A histogram's buckets (Prometheus, or <c>/stats?histogram_buckets=</c>); null when the output printed quantiles.</summary>
    public IReadOnlyList<EnvoyHistogramBucket>? Buckets => (_detail as EnvoyHistogramData)?.Buckets;

    /// <summary>A Prometheus histogram's or summary's <c>_sum</c>.</summary>
    public double? Sum => (_detail as EnvoyHistogramData)?.Sum;

    /// <summary>A Prometheus histogram's or summary's <c>_count</c> (named so: PowerShell gives every object a <c>Count</c>).</summary>
    public double? SampleCount => (_detail as EnvoyHistogramData)?.SampleCount;

    /// <summary>
    /// The Envoy cluster a <c>cluster.*</c> stat (or a Prometheus sample labelled <c>envoy_cluster_name</c>) belongs to,
    /// decoded as Consul names it; null for other stats.
    /// </summary>
    public ConsulClusterName? Cluster => _head?.Cluster ?? _labels?.Cluster;

    /// <summary>The Prometheus labels (Envoy's extracted tags and Consul's <c>consul_*</c> tags); null for <c>/stats</c>.</summary>
    public IReadOnlyDictionary<string, string>? Labels => _labels;

    public EnvoySource Source { get; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping stats to another Envoy cmdlet binds -Pod and -Namespace.</summary>
    public string? Namespace => Source.Namespace;

    internal bool HasRecordedValues => _detail is EnvoyHistogramData { IsEmpty: false };

    /// <summary>The shared cluster part and the interned rest of the name, as stored (the name is built from them when asked).</summary>
    internal (StatNameHead? Head, string Tail) NameParts => (_head, _tail);

    public bool Equals(EnvoyStatistic? other) =>
        other is not null
        && Name == other.Name
        && _type == other._type
        && Value.Equals(other.Value)
        && Text == other.Text
        && Equals(_detail as EnvoyHistogramData, other._detail as EnvoyHistogramData)
        && Equals(Cluster, other.Cluster)
        && EnvoyLabels.AreEqual(_labels, other._labels)
        && Source.Equals(other.Source);

    public override bool Equals(object? obj) => Equals(obj as EnvoyStatistic);

    public override int GetHashCode() => HashCode.Combine(Name, _type, Value, Source);

    public override string ToString() => _type switch
    {
        EnvoyStatisticType.TextReadout => $"{Name}: \"{Text}\"",
        EnvoyStatisticType.Histogram or EnvoyStatisticType.Summary => $"{Name}: {_detail}",
        _ => FormattableString.Invariant($"{Name}: {_value}"),
    };
}
