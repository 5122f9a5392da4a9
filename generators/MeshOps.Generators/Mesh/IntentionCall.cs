using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MeshOps.Generators.Mesh
{
    /// <summary>One call on IntentionBuilder found in a mesh class: DenyAll(), Allow&lt;S, D&gt;() or Deny&lt;S, D&gt;().</summary>
    internal sealed class IntentionCall
    {
        private IntentionCall(string method, ITypeSymbol? source, ITypeSymbol? destination, Location location)
        {
            Method = method;
            Source = source;
            Destination = destination;
            Location = location;
        }

        public string Method { get; }

        public ITypeSymbol? Source { get; }

        public ITypeSymbol? Destination { get; }

        /// <summary>The method name and its type arguments, e.g. <c>Allow&lt;PublicApi, ProductsApi&gt;</c>.</summary>
        public Location Location { get; }

        public bool IsDenyAll => Method == "DenyAll";

        public static IntentionCall? From(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            switch (method.Name)
            {
                case "DenyAll":
                    return new IntentionCall(method.Name, null, null, location);
                case "Allow":
                case "Deny":
                    return method.TypeArguments.Length == 2
                        ? new IntentionCall(method.Name, method.TypeArguments[0], method.TypeArguments[1], location)
                        : null;
                default:
                    return null;
            }
        }
    }
}
