using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshOps.Rules.Catalog;

namespace MeshOps.Rules.Checks
{
    /// <summary>A container port as a pod template declares it.</summary>
    public sealed record DeclaredContainerPort(int Number, string? Name)
    {
        public override string ToString() =>
            Name is { Length: > 0 } name ? Number.ToString(CultureInfo.InvariantCulture) + " (" + name + ")" : Number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A workload a Service selects, named as findings show it ("Deployment/payments"), with its container ports.</summary>
    public sealed record SelectedWorkload(string Display, IReadOnlyList<DeclaredContainerPort> Ports);

    /// <summary>
    /// A Service port and its targetPort as written, or the port number when targetPort is left out.
    /// <paramref name="IsName"/>: the targetPort is known to be a name even if it reads like a number (the typed mesh's
    /// TargetPortName); a manifest's IntOrString cannot tell, and a number-like text there is read as the number.
    /// </summary>
    public sealed record TargetedPort(int Port, string Target, bool IsName = false);

    /// <summary>MESH101: a Service port whose targetPort (number or name) matches no container port of a selected workload.</summary>
    public static class TargetPortMismatchCheck
    {
        /// <summary>One Service port that misses; Missing are indexes into the workloads given.</summary>
        public sealed record Hit(int PortIndex, IReadOnlyList<int> Missing, RuleVerdict Verdict);

        public static IEnumerable<Hit> Check(string service, string ns, IReadOnlyList<TargetedPort> ports, IReadOnlyList<SelectedWorkload> workloads)
        {
            for (var i = 0; i < ports.Count; i++)
            {
                var port = ports[i];
                // containerPort is informational in Kubernetes: a pod that declares none gives no evidence either way
                // (MESH107 covers it).
                var missing = Enumerable.Range(0, workloads.Count)
                    .Where(w => workloads[w].Ports.Count > 0 && Resolve(workloads[w].Ports, port.Target, port.IsName) is null)
                    .ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                var args = new object[]
                {
                    service, ns, port.Port, port.Target,
                    string.Join(", ", missing.Select(w => workloads[w].Display)),
                    string.Join(", ", missing.SelectMany(w => workloads[w].Ports.Select(p => p.ToString())).Distinct()),
                };
                yield return new Hit(i, missing, new RuleVerdict(RuleCatalog.TargetPortMismatch, args));
            }
        }

        /// <summary>The port number a targetPort (number or name) resolves to among these ports, or null.</summary>
        public static int? Resolve(IReadOnlyList<DeclaredContainerPort> ports, string target, bool isName = false)
        {
            var number = 0;
            var isNumber = !isName && int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out number);
            foreach (var port in ports)
            {
                if (isNumber ? port.Number == number : string.Equals(port.Name, target, StringComparison.Ordinal))
                {
                    return port.Number;
                }
            }

            return null;
        }
    }
}
