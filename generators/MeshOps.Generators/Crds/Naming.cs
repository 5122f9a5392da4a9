using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshOps.Generators.Crds
{
    /// <summary>Turns CRD field names, enum values and API groups into C# identifiers, the same way every run.</summary>
    internal static class Naming
    {
        // Words whose final "s" is not a plural; the nested type for `tls` must not become `...Tl`.
        private static readonly string[] NotPlural = { "tls", "status", "https", "dns", "alias", "ss", "us", "is" };

        /// <summary><c>mutualTLSMode</c> → <c>MutualTLSMode</c>, <c>x-foo.bar</c> → <c>XFooBar</c>, <c>9lives</c> → <c>_9lives</c>.</summary>
        public static string Pascal(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upperNext = true;
            foreach (var c in name)
            {
                if (!IsIdentifierPart(c))
                {
                    upperNext = true;
                    continue;
                }

                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }

            if (builder.Length == 0)
                return "Value";
            if (!IsIdentifierStart(builder[0]))
                builder.Insert(0, '_');
            return builder.ToString();
        }

        /// <summary><c>serviceName</c> stays; a keyword becomes <c>@class</c>.</summary>
        public static string Parameter(string name)
        {
            var pascal = Pascal(name);
            return Identifier(char.ToLowerInvariant(pascal[0]) + pascal.Substring(1));
        }

        /// <summary>A name as C# source must write it: a keyword becomes <c>@class</c>, anything else stays.</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
                ? "@" + name
                : name;

        /// <summary>The singular of a field name, for nested type names and <c>Add…</c> methods: <c>sources</c> → <c>source</c>.</summary>
        public static string Singular(string name)
        {
            var lower = name.ToLowerInvariant();
            foreach (var ending in NotPlural)
            {
                if (lower.EndsWith(ending, StringComparison.Ordinal))
                    return name;
            }

            if (lower.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3)
                return name.Substring(0, name.Length - 3) + (char.IsUpper(name[name.Length - 3]) ? "Y" : "y");
            if (lower.EndsWith("sses", StringComparison.Ordinal) || lower.EndsWith("xes", StringComparison.Ordinal)
                || lower.EndsWith("ches", StringComparison.Ordinal) || lower.EndsWith("shes", StringComparison.Ordinal))
                return name.Substring(0, name.Length - 2);
            if (lower.EndsWith("s", StringComparison.Ordinal) && name.Length > 1)
                return name.Substring(0, name.Length - 1);
            return name;
        }

        /// <summary><c>TLS_AUTO</c> → <c>TlsAuto</c>, <c>order-by-locality</c> → <c>OrderByLocality</c>, <c>TLSv1_2</c> → <c>TLSv1_2</c>.</summary>
        public static string EnumMember(string value)
        {
            var builder = new StringBuilder();
            foreach (var part in value.Split(new[] { '_', '-', '.', ' ', '/', ':' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var word = new StringBuilder();
                foreach (var c in part)
                {
                    if (IsIdentifierPart(c))
                        word.Append(c);
                }

                if (word.Length == 0)
                    continue;
                var text = word.ToString();
                var uniformCase = text.ToUpperInvariant() == text || text.ToLowerInvariant() == text;
                text = uniformCase
                    ? char.ToUpperInvariant(text[0]) + text.Substring(1).ToLowerInvariant()
                    : char.ToUpperInvariant(text[0]) + text.Substring(1);
                if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(text[0]))
                    builder.Append('_');
                builder.Append(text);
            }

            if (builder.Length == 0)
                return "Value";
            if (!IsIdentifierStart(builder[0]))
                builder.Insert(0, 'V');
            return builder.ToString();
        }

        /// <summary><c>consul.hashicorp.com</c> → <c>Consul.Hashicorp.Com</c>.</summary>
        public static string GroupNamespace(string group)
        {
            var parts = new List<string>();
            foreach (var label in group.Split('.'))
            {
                if (label.Length > 0)
                    parts.Add(Pascal(label));
            }

            return parts.Count == 0 ? "Core" : string.Join(".", parts);
        }

        /// <summary>The first of <paramref name="candidate"/>, <paramref name="candidate"/>2, … that <paramref name="taken"/> lacks; adds it.</summary>
        public static string Unique(string candidate, ISet<string> taken)
        {
            var name = candidate;
            for (var i = 2; !taken.Add(name); i++)
                name = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return name;
        }

        private static bool IsIdentifierStart(char c) => SyntaxFacts.IsIdentifierStartCharacter(c);

        // '_' separates words like '-' does: TLS_AUTO and order-by-locality both become PascalCase words.
        private static bool IsIdentifierPart(char c) => c != '_' && SyntaxFacts.IsIdentifierPartCharacter(c);
    }
}
