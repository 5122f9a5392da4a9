using System.Collections.Generic;
using System.Globalization;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Rules.Checks
{
    /// <summary>A container image a workload of the service runs, with the workload as findings name it.</summary>
    public sealed record RunningImage(string Workload, string? Image);

    /// <summary>A caller of the service: who, the URL scheme it uses (if any) and where the call is written.</summary>
    public sealed record ServiceCaller(string Caller, string? Scheme, string WrittenAt);

    /// <summary>What says a service speaks a TCP (non-HTTP) protocol: its ports, the images its pods run, how callers connect.</summary>
    public sealed record TcpFacts(string Service, IReadOnlyList<int> Ports, IReadOnlyList<RunningImage> Images, IReadOnlyList<ServiceCaller> Callers);

    /// <summary>Where the evidence was found: which kind of fact and its index in <see cref="TcpFacts"/>.</summary>
    public enum TcpEvidenceKind
    {
        Port,
        Image,
        Caller,
    }

    /// <summary>Why a service must be speaking a TCP protocol, worded for a finding, and the fact that shows it.</summary>
    public sealed record TcpEvidenceFound(string Reason, TcpEvidenceKind Kind, int Index);

    /// <summary>
    /// MESH301: ServiceDefaults with an L7 protocol for a service that speaks a TCP protocol (postgres, redis, …).
    /// Evidence is taken in order: a well-known Service port first, then an image, then a caller's URL scheme.
    /// </summary>
    public static class HttpProtocolOnTcpServiceCheck
    {
        /// <summary>The verdict, and the evidence behind it.</summary>
        public sealed record Hit(TcpEvidenceFound Evidence, RuleVerdict Verdict);

        /// <param name="protocol">The protocol the service's own ServiceDefaults sets (null when they set none or something else decides).</param>
        public static Hit? Check(string ns, string? protocol, TcpFacts facts)
        {
            if (!Protocols.IsL7(protocol) || FindTcpEvidence(facts) is not { } why)
            {
                return null;
            }

            return new Hit(why, new RuleVerdict(RuleCatalog.HttpProtocolOnTcpService, new object[] { facts.Service, protocol!, why.Reason, ns }));
        }

        public static TcpEvidenceFound? FindTcpEvidence(TcpFacts facts)
        {
            for (var i = 0; i < facts.Ports.Count; i++)
            {
                if (WellKnownPorts.ByPort(facts.Ports[i]) is { } protocol)
                {
                    return new TcpEvidenceFound(
                        "Service " + facts.Service + " exposes port " + facts.Ports[i].ToString(CultureInfo.InvariantCulture) + ", the " + protocol.Name + " port",
                        TcpEvidenceKind.Port,
                        i);
                }
            }

            for (var i = 0; i < facts.Images.Count; i++)
            {
                if (WellKnownPorts.ByImage(facts.Images[i].Image) is { } protocol)
                {
                    return new TcpEvidenceFound(facts.Images[i].Workload + " runs image " + facts.Images[i].Image + ", a " + protocol.Name + " server", TcpEvidenceKind.Image, i);
                }
            }

            for (var i = 0; i < facts.Callers.Count; i++)
            {
                if (WellKnownPorts.ByScheme(facts.Callers[i].Scheme) is { } protocol)
                {
                    return new TcpEvidenceFound(
                        facts.Callers[i].Caller + " connects with a " + protocol.Name + " connection string (" + facts.Callers[i].WrittenAt + ")",
                        TcpEvidenceKind.Caller,
                        i);
                }
            }

            return null;
        }
    }
}
