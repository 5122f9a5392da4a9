using System;
using System.Collections.Generic;
using System.Linq;

namespace MeshOps.Rules.Catalog
{
    /// <summary>
    /// The documentation of every rule of <see cref="RuleCatalog"/>, kept apart from the descriptors so that a rule's
    /// wording and its documentation can be changed by different people at once. One partial file per category
    /// (RuleGuide.Ports.cs, …) holds the entries of that category; a test fails for a rule without an entry.
    /// </summary>
    public static partial class RuleGuide
    {
        // Families are methods, not fields: static field initialisers in different parts of a partial class run in no
        // order the language promises, and Entries would read a family before it was set.
        private static readonly Dictionary<string, RuleGuideEntry> ById = Ports()
            .Concat(Calls()).Concat(Intentions()).Concat(Protocol()).Concat(Identity()).Concat(Workload()).Concat(Runtime()).Concat(Declaration())
            .ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);

        /// <summary>Every entry, in ID order.</summary>
        public static IReadOnlyList<RuleGuideEntry> Entries { get; } = ById.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();

        /// <summary>Every rule of the catalogue, runtime and compile-time only, described, in ID order.</summary>
        public static IReadOnlyList<RuleInfo> Rules => RuleCatalog.All.Concat(RuleCatalog.CompileTime)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(Describe)
            .ToList();

        /// <summary>The entry for this rule ID (case-insensitive), or null.</summary>
        public static RuleGuideEntry? Find(string id) => ById.TryGetValue(id, out var entry) ? entry : null;

        /// <summary>The file that holds (or should hold) the entries of a category, for messages to whoever adds a rule.</summary>
        public static string FileFor(string category) => "src/MeshOps.Rules/Catalog/RuleGuide." + category + ".cs";

        /// <exception cref="InvalidOperationException">The rule has no entry: a rule was added without documentation.</exception>
        public static RuleInfo Describe(RuleDescriptor rule)
        {
            var entry = Find(rule.Id) ?? throw new InvalidOperationException(
                rule.Id + " has no entry in the rule guide: add Entry(\"" + rule.Id + "\", checks, cannotSee, fix, arguments) to " + FileFor(rule.Category) + ".");
            var placeholders = entry.Arguments.Select(a => (object)(a.IndexOf('<') >= 0 ? a : "<" + a + ">")).ToArray();
            return new RuleInfo(
                rule.Id, rule.Severity, rule.Category, rule.Title, rule.FormatMessage(placeholders),
                entry.Checks, entry.CannotSee, entry.Fix, rule.FormatConfirm(placeholders), rule.CompileTimeOnly);
        }

        // Several rules judge an object by the namespace it lands in, which the loader decides as kubectl apply does.
        private const string NamespacelessObjects =
            "Objects written without a namespace are placed in \"default\", or in the namespace given with -Namespace (as kubectl apply -n places them), so a file applied with kubectl -n is judged against the wrong namespace unless -Namespace says so. ";

        // The shared sentences of a family end in a space so they can be put before others; one may also end a text.
        private static RuleGuideEntry Entry(string id, string checks, string cannotSee, string fix, params string[] arguments) =>
            new RuleGuideEntry(id, checks.Trim(), cannotSee.Trim(), fix.Trim(), arguments);
    }
}
