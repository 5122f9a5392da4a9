namespace MeshOps.Envoy.Stats;

/// <summary>
/// What kind of stat a value is. <c>/stats</c> text and <c>?format=json</c> print counters and gauges alike (a bare
/// number), so a saved file of either says <see cref="Unknown"/>; live reads ask Envoy with <c>type=</c> and know.
/// </summary>
public enum EnvoyStatisticType : byte
{
    /// <summary>A number whose output does not say whether it is a counter or a gauge (a saved text or JSON dump).</summary>
    Unknown,

    Counter,

    Gauge,

    /// <summary>A string stat (<c>cluster_manager.cds.version_text</c>).</summary>
    TextReadout,

    /// <summary>Quantiles (<c>/stats</c>) or buckets (<c>histogram_buckets=</c>, Prometheus).</summary>
    Histogram,

    /// <summary>A Prometheus summary (consul-dataplane's Go metrics): quantiles, sum and count.</summary>
    Summary,
}
