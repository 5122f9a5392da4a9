using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using MeshOps.Generators.Mesh.Models;
using MeshOps.Rules.Intentions;
using MeshOps.Rules.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// The checks of one mesh: its services as <see cref="MeshParser"/> reads them, its intention calls, and the
    /// shared rule logic (DNS-1123 names, well-known TCP ports, Consul's intention evaluation and validation).
    /// Every diagnostic carries the catalogue's message arguments, in the catalogue's order.
    /// </summary>
    internal sealed class MeshDeclarationChecks
    {
        // consul-k8s CE registers every Kubernetes namespace's services in Consul namespace "default", and the typed
        // mesh writes no namespace.
        private const string Namespace = ConsulNames.DefaultNamespace;
        private const string InMesh = "the mesh writes consul.hashicorp.com/connect-inject: \"true\" on every workload";

        private readonly INamedTypeSymbol mesh;
        private readonly IReadOnlyList<IntentionCall> calls;
        private readonly Action<Diagnostic> report;
        private readonly CancellationToken cancellationToken;

        public MeshDeclarationChecks(INamedTypeSymbol mesh, IEnumerable<IntentionCall> calls, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            this.mesh = mesh;
            this.calls = calls
                .OrderBy(c => c.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(c => c.Location.SourceSpan.Start)
                .ToList();
            this.report = report;
            this.cancellationToken = cancellationToken;
        }

        public void Run()
        {
            var services = new List<Declared>();
            foreach (var type in mesh.GetTypeMembers())
            {
                if (MeshParser.ReadService(type, cancellationToken) is { } model)
                {
                    services.Add(new Declared(type, model));
                }
            }

            var byName = new Dictionary<string, Declared>(StringComparer.Ordinal);
            var byType = new Dictionary<string, Declared>(StringComparer.Ordinal);
            foreach (var service in services)
            {
                if (!byType.ContainsKey(service.Model.TypeMetadataName))
                {
                    byType.Add(service.Model.TypeMetadataName, service);
                }
            }

            foreach (var service in services)
            {
                CheckName(service, byName);
                CheckPorts(service);
                CheckTargetPorts(service);
                CheckLoopbackBinds(service);
                CheckProtocol(service);
                CheckServiceAccount(service);
                CheckUpstreamPorts(service, byType);
            }

            CheckIntentions(services);
        }

        private void CheckName(Declared service, Dictionary<string, Declared> byName)
        {
            var name = service.Model.ServiceName;
            var location = Argument(service.MeshService, 0);
            if (!Dns1123.IsValidLabel(name))
            {
                Report(DiagnosticDescriptors.InvalidServiceName, location, null, name, Number(name.Length), service.Display);
            }

            if (byName.TryGetValue(name, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateServiceName, location, null, name, service.Display, first.Display);
            }
            else
            {
                byName.Add(name, service);
            }
        }

        private void CheckPorts(Declared service)
        {
            var containerPorts = service.Attributes(KnownNames.ContainerPortAttribute);
            for (var i = 0; i < containerPorts.Length; i++)
            {
                CheckRange(service, service.Model.ContainerPorts[i].Port, "ContainerPort", Argument(containerPorts[i], 0));
            }

            var servicePorts = service.Attributes(KnownNames.ServicePortAttribute);
            for (var i = 0; i < servicePorts.Length; i++)
            {
                var port = service.Model.ServicePorts[i];
                CheckRange(service, port.Port, "ServicePort", Argument(servicePorts[i], 0));
                if (port.TargetPort != 0)
                {
                    CheckRange(service, port.TargetPort, "ServicePort TargetPort", Argument(servicePorts[i], "TargetPort"));
                }
            }

            var upstreams = service.Attributes(KnownNames.UpstreamAttribute);
            for (var i = 0; i < upstreams.Length; i++)
            {
                if (service.Model.Upstreams[i].Port != 0)
                {
                    CheckRange(service, service.Model.Upstreams[i].Port, "Upstream Port", Argument(upstreams[i], "Port"));
                }
            }
        }

        private void CheckRange(Declared service, int port, string what, Location location)
        {
            if (port < 1 || port > 65535)
            {
                Report(DiagnosticDescriptors.PortOutOfRange, location, null, Number(port), what, service.Display);
            }
        }

        // MESH101. Like the runtime rule, a service that declares no container port gives no evidence either way.
        private void CheckTargetPorts(Declared service)
        {
            var model = service.Model;
            if (model.ContainerPorts.Count == 0)
            {
                return;
            }

            var attributes = service.Attributes(KnownNames.ServicePortAttribute);
            for (var i = 0; i < attributes.Length; i++)
            {
                var port = model.ServicePorts[i];
                if (ContainerPortOf(model, port) is not null)
                {
                    continue;
                }

                var location = port.TargetPortName is not null ? Argument(attributes[i], "TargetPortName")
                    : port.TargetPort != 0 ? Argument(attributes[i], "TargetPort")
                    : Argument(attributes[i], 0);
                var target = port.TargetPortName ?? Number(port.EffectiveTargetPort);
                Report(DiagnosticDescriptors.TargetPortMismatch, location, null,
                    model.ServiceName, Namespace, Number(port.Port), target, "Deployment/" + model.ServiceName, DescribeContainerPorts(model));
            }
        }

        // MESH103: a loopback bind on a port a Service port targets. In the mesh the sidecar still reaches it.
        private void CheckLoopbackBinds(Declared service)
        {
            var model = service.Model;
            var attributes = service.Attributes(KnownNames.ContainerPortAttribute);
            for (var i = 0; i < attributes.Length; i++)
            {
                var containerPort = model.ContainerPorts[i];
                if (!LoopbackAddress.IsLoopback(containerPort.BindAddress)
                    || !model.ServicePorts.Any(p => ContainerPortOf(model, p) == containerPort))
                {
                    continue;
                }

                var written = containerPort.BindAddress + " (BindAddress of ContainerPort " + Number(containerPort.Port) + ")";
                Report(DiagnosticDescriptors.LoopbackBind, Argument(attributes[i], "BindAddress"), null,
                    model.ServiceName, Namespace, written, Number(containerPort.Port), model.ServiceName,
                    "The sidecar forwards mesh traffic to 127.0.0.1, so mesh callers connect (" + InMesh + "); kubelet probes and callers without a sidecar dial the pod IP and are refused.");
            }
        }

        // MESH301, with the runtime's evidence order: a well-known Service port first, then the image.
        private void CheckProtocol(Declared service)
        {
            var model = service.Model;
            if (model.ProtocolMember is not ("Http" or "Http2" or "Grpc"))
            {
                return;
            }

            string? reason = null;
            foreach (var port in model.ServicePorts)
            {
                if (WellKnownPorts.ByPort(port.Port) is { } byPort)
                {
                    reason = "ServicePort " + Number(port.Port) + " of " + service.Display + " is the " + byPort.Name + " port";
                    break;
                }
            }

            if (reason is null && WellKnownPorts.ByImage(model.Image) is { } byImage)
            {
                reason = service.Display + " runs image " + model.Image + ", a " + byImage.Name + " server";
            }

            if (reason is not null)
            {
                Report(DiagnosticDescriptors.HttpProtocolOnTcpService, Argument(service.MeshService, "Protocol"), null,
                    model.ServiceName, model.ProtocolMember.ToLowerInvariant(), reason, Namespace);
            }
        }

        private void CheckServiceAccount(Declared service)
        {
            if (service.Model.AutomountToken || MeshParser.FindAttribute(service.Type, KnownNames.ServiceAccountAttribute) is not { } account)
            {
                return;
            }

            var name = service.Model.ServiceName;
            Report(DiagnosticDescriptors.ServiceAccountTokenNotMounted, Argument(account, "AutomountToken"), null,
                name, Namespace, "ServiceAccount " + name + " ([ServiceAccount(AutomountToken = false)] on " + service.Display + ")", "app=" + name, InMesh);
        }

        // MESH704 for upstreams outside the mesh; MESH105 for a port the target's Service does not expose.
        private void CheckUpstreamPorts(Declared service, Dictionary<string, Declared> byType)
        {
            var attributes = service.Attributes(KnownNames.UpstreamAttribute);
            for (var i = 0; i < attributes.Length; i++)
            {
                var upstream = service.Model.Upstreams[i];
                if (!byType.TryGetValue(upstream.TargetMetadataName, out var target))
                {
                    Report(DiagnosticDescriptors.UpstreamNotInMesh, Argument(attributes[i], 0), null,
                        upstream.TargetDisplayName, service.Display, mesh.Name);
                    continue;
                }

                var ports = target.Model.ServicePorts;
                // An impossible port is MESH702's; MESH105 is about a real port the Service lacks.
                if (upstream.Port < 1 || upstream.Port > 65535 || ports.Count == 0 || ports.Any(p => p.Port == upstream.Port))
                {
                    continue;
                }

                var exposed = string.Join(", ", ports.Select(p => Number(p.Port)));
                // Transparent proxy (the chart default) matches the upstream by ClusterIP only, so mesh callers still
                // connect; that is why the runtime rule lowers mesh-to-mesh calls to a warning, and so does this one.
                Report(DiagnosticDescriptors.CallPortNotExposed, Argument(attributes[i], "Port"), DiagnosticSeverity.Warning,
                    service.Model.ServiceName, Namespace, target.Model.ServiceName, Number(upstream.Port), UpstreamWrittenAt(service, upstream),
                    exposed, "Mesh callers still connect (transparent proxy matches the ClusterIP only), but probes and callers without a sidecar get connection refused.");
            }
        }

        private void CheckIntentions(IReadOnlyList<Declared> services)
        {
            var nameOf = services.GroupBy(s => s.Model.TypeMetadataName).ToDictionary(g => g.Key, g => g.First().Model.ServiceName);
            var byName = services.GroupBy(s => s.Model.ServiceName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var entries = new List<IntentionEntry>();
            var denyAll = calls.FirstOrDefault(c => c.IsDenyAll);
            if (denyAll is not null)
            {
                entries.Add(new IntentionEntry(ConsulNames.Wildcard, Namespace,
                    new[] { L4Source(ConsulNames.Wildcard, IntentionAction.Deny) }, new[] { denyAll.Location }));
            }

            var declared = calls
                .Where(c => !c.IsDenyAll)
                .Select(c => (Call: c, Source: NameOf(nameOf, c.Source), Destination: NameOf(nameOf, c.Destination)))
                .Where(c => c.Source is not null && c.Destination is not null)
                .ToList();
            foreach (var group in declared.GroupBy(c => c.Destination!, StringComparer.Ordinal))
            {
                var members = group.ToList();
                var entry = new IntentionEntry(group.Key, Namespace,
                    members.Select(m => Source(m.Source!, m.Call)).ToList(),
                    members.Select(m => m.Call.Location).ToArray());
                entries.Add(entry);
                foreach (var duplicate in IntentionValidation.DuplicateSources(entry))
                {
                    Report(DiagnosticDescriptors.DuplicateIntention, members[duplicate.SourceIndex].Call.Location, null,
                        group.Key, duplicate.Message, Display(members[duplicate.FirstIndex].Call.Location), Namespace);
                }

                CheckL7OnTcp(byName[group.Key], members.Where(m => m.Call.IsL7).Select(m => (m.Call, m.Source!)));
            }

            var evaluator = new IntentionEvaluator(entries);
            foreach (var service in services)
            {
                var attributes = service.Attributes(KnownNames.UpstreamAttribute);
                for (var i = 0; i < attributes.Length; i++)
                {
                    var upstream = service.Model.Upstreams[i];
                    if (!nameOf.TryGetValue(upstream.TargetMetadataName, out var destination))
                    {
                        continue;
                    }

                    // With no Helm values consul-k8s runs with ACLs off, so a call no intention matches is allowed.
                    var decision = evaluator.Check(
                        new ServiceIdentity(Namespace, service.Model.ServiceName), new ServiceIdentity(Namespace, destination), DefaultDecision.Allow);
                    // As at run time: L7 permissions on a destination without an L7 protocol are MESH204's root cause,
                    // and an L7 intention on an HTTP destination is a warning (some requests get through).
                    if (decision.Allowed || (decision.IsL7 && !IsL7(byName[destination])))
                    {
                        continue;
                    }

                    Report(DiagnosticDescriptors.CallDeniedByIntentions, Argument(attributes[i], 0), decision.IsL7 ? DiagnosticSeverity.Warning : null,
                        service.Model.ServiceName, destination, UpstreamWrittenAt(service, upstream), Explain(decision), Namespace);
                }
            }
        }

        // MESH204, like the runtime rule: the typed mesh always writes the destination's ServiceDefaults protocol
        // (tcp when [MeshService] sets none), so an explicit non-HTTP protocol is what Consul sees.
        private void CheckL7OnTcp(Declared destination, IEnumerable<(IntentionCall Call, string Source)> l7Calls)
        {
            if (IsL7(destination))
            {
                return;
            }

            var model = destination.Model;
            var value = model.ProtocolMember.Length > 0 ? model.ProtocolMember.ToLowerInvariant() : Number(model.ProtocolValue);
            var setBy = destination.MeshService.NamedArguments.Any(a => a.Key == "Protocol")
                ? "by Protocol = " + (model.ProtocolMember.Length > 0 ? "MeshProtocol." + model.ProtocolMember : Number(model.ProtocolValue)) + " on " + destination.Display
                : "by default: [MeshService] on " + destination.Display + " sets no Protocol";
            var protocol = value + " (set in ServiceDefaults " + model.ServiceName + " " + setBy + ")";
            foreach (var (call, source) in l7Calls)
            {
                Report(DiagnosticDescriptors.L7PermissionsOnTcp, call.Location, null,
                    model.ServiceName, model.ServiceName, source, protocol, Namespace);
            }
        }

        private static string Explain(IntentionDecision decision)
        {
            if (decision.Match is not { Entry.Origin: Location[] origins } match)
            {
                return decision.Explanation;
            }

            var where = "intention " + match + " (" + Display(origins[match.SourceIndex]) + ")";
            return decision.IsL7
                ? "the matching " + where + " has L7 permissions, which `consul intention check` reports as deny at L4; only requests matching an allow permission get through"
                : where + " denies it";
        }

        private static bool IsL7(Declared service) => service.Model.ProtocolMember is "Http" or "Http2" or "Grpc";

        private static IntentionSource L4Source(string name, IntentionAction action) =>
            new IntentionSource(name, Namespace, null, null, null, action, Array.Empty<IntentionPermission>(), null);

        // The request matches are not read (see IntentionCall.Permissions): Http stays null.
        private static IntentionSource Source(string name, IntentionCall call) =>
            call.IsL7
                ? new IntentionSource(name, Namespace, null, null, null, null, call.Permissions.Select(a => new IntentionPermission(a, null)).ToList(), null)
                : L4Source(name, call.Method == "Allow" ? IntentionAction.Allow : IntentionAction.Deny);

        private static string? NameOf(Dictionary<string, string> nameOf, ITypeSymbol? type) =>
            type is not null && nameOf.TryGetValue(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), out var name) ? name : null;

        private static ContainerPortModel? ContainerPortOf(DeclaredServiceModel model, ServicePortModel port) =>
            port.TargetPortName is { } name
                ? model.ContainerPorts.FirstOrDefault(c => c.Name == name)
                : model.ContainerPorts.FirstOrDefault(c => c.Port == port.EffectiveTargetPort);

        private static string DescribeContainerPorts(DeclaredServiceModel model) =>
            string.Join(", ", model.ContainerPorts.Select(p => p.Name is { Length: > 0 } name ? Number(p.Port) + " (" + name + ")" : Number(p.Port)));

        private static string UpstreamWrittenAt(Declared service, UpstreamModel upstream) =>
            "[Upstream(typeof(" + upstream.TargetDisplayName.Split('.').Last() + ")" + (upstream.Port != 0 ? ", Port = " + Number(upstream.Port) : string.Empty) + ")] on " + service.Display;

        private static string Display(Location location)
        {
            var span = location.GetLineSpan();
            return Path.GetFileName(span.Path) + "(" + Number(span.StartLinePosition.Line + 1) + "," + Number(span.StartLinePosition.Character + 1) + ")";
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private Location Argument(AttributeData attribute, int position) => ArgumentSyntax(attribute, a => a.NameEquals is null && a.NameColon is null, position);

        private Location Argument(AttributeData attribute, string name) => ArgumentSyntax(attribute, a => a.NameEquals?.Name.Identifier.ValueText == name, 0);

        private Location ArgumentSyntax(AttributeData attribute, Func<AttributeArgumentSyntax, bool> select, int index)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            {
                return mesh.Locations.FirstOrDefault() ?? Location.None;
            }

            var argument = syntax.ArgumentList?.Arguments.Where(select).ElementAtOrDefault(index);
            return (argument?.Expression ?? (SyntaxNode)syntax).GetLocation();
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, DiagnosticSeverity? severity, params object[] args)
        {
            var rule = DiagnosticDescriptors.RuleOf(descriptor);
            var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticDescriptors.FixProperty, rule.FormatFix(args))
                .Add(DiagnosticDescriptors.ConfirmProperty, rule.FormatConfirm(args));
            report(Diagnostic.Create(descriptor, location, severity ?? descriptor.DefaultSeverity, null, properties, args));
        }

        /// <summary>A service as the analyzer sees it: the model plus the symbol, for locations.</summary>
        private sealed class Declared
        {
            public Declared(INamedTypeSymbol type, DeclaredServiceModel model)
            {
                Type = type;
                Model = model;
                MeshService = MeshParser.FindAttribute(type, KnownNames.MeshServiceAttribute)!;
            }

            public INamedTypeSymbol Type { get; }

            public DeclaredServiceModel Model { get; }

            public AttributeData MeshService { get; }

            public string Display => Type.Name;

            public System.Collections.Immutable.ImmutableArray<AttributeData> Attributes(string metadataName) => MeshParser.AttributesOf(Type, metadataName);
        }
    }
}
