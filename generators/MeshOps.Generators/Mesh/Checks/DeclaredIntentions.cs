using System;
using System.Collections.Generic;
using System.Linq;
using MeshOps.Rules.Intentions;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// The intentions a typed mesh writes, as Consul would evaluate them: a ServiceIntentions "deny-all" for DenyAll(),
    /// then one ServiceIntentions per destination, named after it, with a source per call in call order. Each entry's
    /// origin is the locations of its calls, so a decision can name the call that decided.
    /// </summary>
    internal sealed class DeclaredIntentions
    {
        private const string DenyAllName = "deny-all";

        private DeclaredIntentions(IReadOnlyList<Destination> destinations, IntentionEvaluator evaluator)
        {
            Destinations = destinations;
            Evaluator = evaluator;
        }

        public IReadOnlyList<Destination> Destinations { get; }

        public IntentionEvaluator Evaluator { get; }

        public static DeclaredIntentions Read(DeclaredMesh mesh)
        {
            var entries = new List<IntentionEntry>();
            var denyAll = mesh.Calls.FirstOrDefault(c => c.IsDenyAll);
            if (denyAll is not null)
            {
                entries.Add(new IntentionEntry(ConsulNames.Wildcard, DeclaredMesh.Namespace,
                    new[] { L4Source(ConsulNames.Wildcard, IntentionAction.Deny) }, new Origin(DenyAllName, new[] { denyAll.Location })));
            }

            var declared = mesh.Calls
                .Where(c => !c.IsDenyAll)
                .Select(c => (Call: c, Source: NameOf(mesh, c.Source), Destination: NameOf(mesh, c.Destination)))
                .Where(c => c.Source is not null && c.Destination is not null)
                .ToList();
            var destinations = new List<Destination>();
            foreach (var group in declared.GroupBy(c => c.Destination!, StringComparer.Ordinal))
            {
                var calls = group.Select(m => m.Call).ToList();
                var entry = new IntentionEntry(group.Key, DeclaredMesh.Namespace,
                    group.Select(m => Source(m.Source!, m.Call)).ToList(),
                    new Origin(group.Key, calls.Select(c => c.Location).ToArray()));
                entries.Add(entry);
                destinations.Add(new Destination(mesh.ServiceNamed(group.Key)!, entry, calls));
            }

            return new DeclaredIntentions(destinations, new IntentionEvaluator(entries));
        }

        /// <summary>Where the deciding intention of a decision is written, as the runtime words it: <c>ServiceIntentions api (Mesh.cs(20,10))</c>.</summary>
        public static string? MatchedAt(IntentionDecision decision) =>
            decision.Match is { Entry.Origin: Origin origin } match
                ? "ServiceIntentions " + origin.Name + " (" + DeclaredMesh.Display(origin.Calls[match.SourceIndex]) + ")"
                : null;

        private static IntentionSource L4Source(string name, IntentionAction action) =>
            new IntentionSource(name, DeclaredMesh.Namespace, null, null, null, action, Array.Empty<IntentionPermission>(), null);

        // The request matches are not read (see IntentionCall.Permissions): Http stays null.
        private static IntentionSource Source(string name, IntentionCall call) =>
            call.IsL7
                ? new IntentionSource(name, DeclaredMesh.Namespace, null, null, null, null, call.Permissions.Select(a => new IntentionPermission(a, null)).ToList(), null)
                : L4Source(name, call.Method == "Allow" ? IntentionAction.Allow : IntentionAction.Deny);

        private static string? NameOf(DeclaredMesh mesh, ITypeSymbol? type) =>
            type is not null && mesh.ServiceOfType(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)) is { } service ? service.Model.ServiceName : null;

        /// <summary>One destination's ServiceIntentions: the service, the entry, and the call behind each source.</summary>
        public sealed class Destination
        {
            public Destination(DeclaredService service, IntentionEntry entry, IReadOnlyList<IntentionCall> calls)
            {
                Service = service;
                Entry = entry;
                Calls = calls;
            }

            public DeclaredService Service { get; }

            public IntentionEntry Entry { get; }

            public IReadOnlyList<IntentionCall> Calls { get; }
        }

        /// <summary>The ServiceIntentions resource the mesh writes for an entry, and the call behind each source.</summary>
        private sealed class Origin
        {
            public Origin(string name, Location[] calls)
            {
                Name = name;
                Calls = calls;
            }

            public string Name { get; }

            public Location[] Calls { get; }
        }
    }
}
