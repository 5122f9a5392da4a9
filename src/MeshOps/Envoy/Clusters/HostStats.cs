namespace MeshOps.Envoy.Clusters;

/// <summary>The per-host stats both forms of <c>/clusters</c> carry, by Envoy's name; others are left out.</summary>
internal static class HostStats
{
    public static EnvoyClusterHost With(EnvoyClusterHost host, string name, ulong value) => name switch
    {
        "cx_active" => host with { CxActive = value },
        "cx_connect_fail" => host with { CxConnectFail = value },
        "cx_total" => host with { CxTotal = value },
        "rq_active" => host with { RqActive = value },
        "rq_error" => host with { RqError = value },
        "rq_success" => host with { RqSuccess = value },
        "rq_timeout" => host with { RqTimeout = value },
        "rq_total" => host with { RqTotal = value },
        _ => host,
    };
}
