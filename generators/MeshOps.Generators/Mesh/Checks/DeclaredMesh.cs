using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using MeshOps.Generators.Mesh.Models;
using MeshOps.Rules.Checks;
using MeshOps.Rules.Intentions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// One typed mesh as its checks read it: the declared services and intention calls, where each declaration is
    /// written, and how a verdict of a shared check becomes a diagnostic at the argument or call that causes it.
    /// </summary>
    internal sealed class DeclaredMesh
    {
        /// <summary>
        /// consul-k8s CE registers every Kubernetes namespace's services in Consul namespace "default", and the typed
        /// mesh writes no namespace.
        /// </summary>
        public const string Namespace = ConsulNames.DefaultNamespace;

        /// <summary>
        /// The typed mesh writes no Helm values, so transparent proxy is on by the chart default; the runtime names
        /// that origin the same way when it reads the written YAML.
        /// </summary>
        public const string TransparentProxyOrigin = "consul-k8s chart default";

        private const string ConnectInject = "consul.hashicorp.com/connect-inject";

        private readonly Action<Diagnostic> report;

        public DeclaredMesh(INamedTypeSymbol symbol, IEnumerable<IntentionCall> calls, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            Symbol = symbol;
            this.report = report;
            CancellationToken = cancellationToken;
            Calls = calls
                .OrderBy(c => c.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(c => c.Location.SourceSpan.Start)
                .ToList();
            var services = new List<DeclaredService>();
            foreach (var type in symbol.GetTypeMembers())
            {
                if (MeshParser.ReadService(type, cancellationToken) is { } model)
                {
                    services.Add(new DeclaredService(type, model));
                }
            }

            Services = services;
            var layout = MeshParser.FindAttribute(symbol, KnownNames.ConsulMeshAttribute);
            MeshNamespace = layout?.NamedArguments.FirstOrDefault(a => a.Key == "Namespace").Value.Value as string;
            // ConsulEdition.Enterprise is 1; Community, the default, 0.
            Enterprise = layout?.NamedArguments.FirstOrDefault(a => a.Key == "Edition").Value.Value is 1;
        }

        public INamedTypeSymbol Symbol { get; }

        public IReadOnlyList<DeclaredService> Services { get; }

        public IReadOnlyList<IntentionCall> Calls { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>[ConsulMesh(Namespace = ...)]: the Kubernetes namespace of every service that names none.</summary>
        public string? MeshNamespace { get; }

        /// <summary>[ConsulMesh(Edition = ConsulEdition.Enterprise)]: Consul namespaces mirrored from Kubernetes.</summary>
        public bool Enterprise { get; }

        /// <summary>The Kubernetes namespace the mesh writes the service's objects to ("default" when it writes none).</summary>
        public string KubernetesNamespace(DeclaredService service) => service.Model.Namespace ?? MeshNamespace ?? "default";

        /// <summary>The first service declared by this class (by metadata name), or null when it is no service of this mesh.</summary>
        public DeclaredService? ServiceOfType(string metadataName) =>
            Services.FirstOrDefault(s => s.Model.TypeMetadataName == metadataName);

        /// <summary>The first service of this Consul name.</summary>
        public DeclaredService? ServiceNamed(string name) =>
            Services.FirstOrDefault(s => s.Model.ServiceName == name);

        /// <summary>
        /// Every workload of the mesh is injected: the mesh writes the connect-inject annotation for each [MeshService],
        /// so that attribute is where the annotation comes from (the runtime names the YAML line instead).
        /// </summary>
        public MeshMembership Membership(DeclaredService service) =>
            new MeshMembership(true, "annotation " + ConnectInject + " at " + Display(Whole(service.MeshService)));

        public Location Argument(AttributeData attribute, int position) => ArgumentSyntax(attribute, a => a.NameEquals is null && a.NameColon is null, position);

        public Location Argument(AttributeData attribute, string name) => ArgumentSyntax(attribute, a => a.NameEquals?.Name.Identifier.ValueText == name, 0);

        /// <summary>True when the attribute sets the named property.</summary>
        public static bool Sets(AttributeData attribute, string name) => attribute.NamedArguments.Any(a => a.Key == name);

        /// <summary>The whole attribute, <c>MeshService("api", …)</c>.</summary>
        public Location Whole(AttributeData attribute) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(CancellationToken).GetLocation() ?? Symbol.Locations.FirstOrDefault() ?? Location.None;

        /// <summary>Reports what a shared check decided, with its wording, severity, fix and confirm command.</summary>
        public void Report(RuleVerdict verdict, Location location)
        {
            var descriptor = DiagnosticDescriptors.Of(verdict.Rule);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticDescriptors.FixProperty, verdict.Fix)
                .Add(DiagnosticDescriptors.ConfirmProperty, verdict.Confirm);
            report(Diagnostic.Create(descriptor, location, DiagnosticDescriptors.ToRoslyn(verdict.Severity), null, properties, verdict.Args));
        }

        /// <summary>Reports a compile-time-only rule (the typed mesh's own declarations, with no runtime form).</summary>
        public void Report(DiagnosticDescriptor descriptor, Location location, params object[] args) =>
            Report(new RuleVerdict(DiagnosticDescriptors.RuleOf(descriptor), args), location);

        /// <summary>Where an upstream call is declared, as messages show it: <c>[Upstream(typeof(Api), Port = 9091)] on Web</c>.</summary>
        public static string UpstreamWrittenAt(DeclaredService service, UpstreamModel upstream) =>
            "[Upstream(typeof(" + upstream.TargetDisplayName.Split('.').Last() + ")" + (upstream.Port != 0 ? ", Port = " + Number(upstream.Port) : string.Empty) + ")] on " + service.Display;

        /// <summary>A location as messages show it: <c>Mesh.cs(12,9)</c>.</summary>
        public static string Display(Location location)
        {
            var span = location.GetLineSpan();
            return Path.GetFileName(span.Path) + "(" + Number(span.StartLinePosition.Line + 1) + "," + Number(span.StartLinePosition.Character + 1) + ")";
        }

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private Location ArgumentSyntax(AttributeData attribute, Func<AttributeArgumentSyntax, bool> select, int index)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(CancellationToken) is not AttributeSyntax syntax)
            {
                return Symbol.Locations.FirstOrDefault() ?? Location.None;
            }

            var argument = syntax.ArgumentList?.Arguments.Where(select).ElementAtOrDefault(index);
            return (argument?.Expression ?? (SyntaxNode)syntax).GetLocation();
        }
    }
}
