using MeshOps.Simulation.Envoy;

namespace MeshOps.Simulation.Cluster;

/// <summary>The runtime faults a sidecar's Envoy admin shows: connect failures that keep rising, an expired leaf.</summary>
internal static class EnvoyFaults
{
    /// <summary>Where a rising counter starts: a path that has been failing for a while.</summary>
    private const ulong FailuresSoFar = 12;

    public static EnvoyAdminData Apply(EnvoyAdminData data, IReadOnlyList<RuntimeFault> faults)
    {
        foreach (var fault in faults)
        {
            data = fault.Kind switch
            {
                // The callers' cluster for the service and the service's own local_app: the failure seen from both ends.
                RuntimeFaultKind.ConnectFailures => data with
                {
                    LocalAppConnectFailures = fault.Service == data.Service ? FailuresSoFar : data.LocalAppConnectFailures,
                    LocalAppConnectFailuresRise = data.LocalAppConnectFailuresRise || fault.Service == data.Service,
                    Upstreams = data.Upstreams
                        .Select(u => u.Service == fault.Service ? u with { ConnectFailures = FailuresSoFar, ConnectFailuresRise = true } : u)
                        .ToList(),
                },
                RuntimeFaultKind.ExpiredCertificate when fault.Service == data.Service => data with { LeafCertificateRemaining = TimeSpan.FromHours(-1) },
                _ => data,
            };
        }

        return data;
    }
}
