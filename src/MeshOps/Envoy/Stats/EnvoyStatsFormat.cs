namespace MeshOps.Envoy.Stats;

/// <summary>The three outputs of Envoy's stats handler.</summary>
public enum EnvoyStatsFormat
{
    /// <summary><c>/stats</c>: <c>name: value</c> lines.</summary>
    Text,

    /// <summary><c>/stats?format=json</c>.</summary>
    Json,

    /// <summary><c>/stats/prometheus</c> (or consul-dataplane's merged <c>/metrics</c>).</summary>
    Prometheus,
}
