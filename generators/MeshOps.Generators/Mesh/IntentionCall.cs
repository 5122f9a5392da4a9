using System;
using System.Collections.Generic;
using System.Linq;
using MeshOps.Rules.Intentions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// One call on IntentionBuilder found in a mesh class: DenyAll(), Allow&lt;S, D&gt;() or Deny&lt;S, D&gt;() (L4), or
    /// Allow&lt;S, D&gt;(http => ...), Deny&lt;S, D&gt;(http => ...) or Permissions&lt;S, D&gt;(p => ...) (L7).
    /// </summary>
    internal sealed class IntentionCall
    {
        private IntentionCall(string method, ITypeSymbol? source, ITypeSymbol? destination, Location location, IReadOnlyList<IntentionAction> permissions, IReadOnlyList<RequestMatch?> requests)
        {
            Requests = requests;
            Method = method;
            Source = source;
            Destination = destination;
            Location = location;
            Permissions = permissions;
        }

        public string Method { get; }

        public ITypeSymbol? Source { get; }

        public ITypeSymbol? Destination { get; }

        /// <summary>The method name and its type arguments, e.g. <c>Allow&lt;PublicApi, ProductsApi&gt;</c>.</summary>
        public Location Location { get; }

        /// <summary>
        /// The actions of an L7 call's permissions, in order; empty for an L4 call. The request matches are not read:
        /// what Consul decides per connection (and so MESH201 and MESH204) depends only on there being permissions.
        /// </summary>
        public IReadOnlyList<IntentionAction> Permissions { get; }

        /// <summary>
        /// The request criteria of each permission, in order (index j is Permissions[j]); null where the analyzer cannot
        /// follow the lambda, and empty when it cannot see the permissions at all.
        /// </summary>
        public IReadOnlyList<RequestMatch?> Requests { get; }

        public bool IsDenyAll => Method == "DenyAll";

        public bool IsL7 => Permissions.Count > 0;

        public static IntentionCall? From(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            if (method.Name == "DenyAll")
            {
                return new IntentionCall(method.Name, null, null, location, Array.Empty<IntentionAction>(), Array.Empty<RequestMatch?>());
            }

            if (method.TypeArguments.Length != 2)
            {
                return null;
            }

            IReadOnlyList<IntentionAction> permissions;
            IReadOnlyList<RequestMatch?> requests = Array.Empty<RequestMatch?>();
            switch (method.Name)
            {
                case "Allow" when invocation.Arguments.Length == 0:
                case "Deny" when invocation.Arguments.Length == 0:
                    permissions = Array.Empty<IntentionAction>();
                    break;
                case "Allow":
                    permissions = new[] { IntentionAction.Allow };
                    requests = new[] { RequestMatch.Read(invocation.Arguments[0], location) };
                    break;
                case "Deny":
                    permissions = new[] { IntentionAction.Deny };
                    requests = new[] { RequestMatch.Read(invocation.Arguments[0], location) };
                    break;
                case "Permissions":
                    var calls = PermissionCalls(invocation);
                    permissions = calls.Count > 0
                        ? calls.Select(i => i.TargetMethod.Name == "Allow" ? IntentionAction.Allow : IntentionAction.Deny).ToList()
                        : new[] { IntentionAction.Allow };
                    requests = calls.Select(i => i.Arguments.Length > 0 ? RequestMatch.Read(i.Arguments[0], RequestMatch.NameLocation(i)) : null).ToList();
                    break;
                default:
                    return null;
            }

            return new IntentionCall(method.Name, method.TypeArguments[0], method.TypeArguments[1], location, permissions, requests);
        }

        // The Allow(...) and Deny(...) calls on HttpPermissions inside the lambda, in source order. The SDK refuses an
        // empty list at run time, so a list the analyzer cannot see into (a method group, a variable) still counts as
        // permissions: one allow stands for it.
        private static List<IInvocationOperation> PermissionCalls(IInvocationOperation invocation) =>
            invocation.Arguments[0].Value.Descendants()
                .OfType<IInvocationOperation>()
                .Where(i => i.TargetMethod.Name is "Allow" or "Deny" && i.TargetMethod.ContainingType?.ToDisplayString() == KnownNames.HttpPermissions)
                .OrderBy(i => RequestMatch.NameLocation(i).SourceSpan.Start)
                .ToList();
    }
}
