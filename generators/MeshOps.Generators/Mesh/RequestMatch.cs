using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// The request criteria one L7 permission declares (<c>http => http.PathPrefix("/a").Methods(...)</c>), read from
    /// the lambda in call order, with the value of each argument when it is a constant. Only a lambda whose body
    /// declares straight through is read: a branch or a loop could skip a call the analyzer would count.
    /// </summary>
    internal sealed class RequestMatch
    {
        private const string HttpMatch = "MeshOps.Authoring.HttpMatch";
        private const string HeaderMatch = "MeshOps.Authoring.HeaderMatch";
        private static readonly string[] HeaderFields = { "Present", "Exact", "Prefix", "Suffix", "Contains", "Regex" };
        private static readonly string[] TextFields = { "Exact", "Prefix", "Suffix", "Contains" };

        private RequestMatch(Location declaredAt, IReadOnlyList<Step> steps)
        {
            DeclaredAt = declaredAt;
            Steps = steps;
        }

        /// <summary>The call the lambda is given to, where an empty match is reported.</summary>
        public Location DeclaredAt { get; }

        public IReadOnlyList<Step> Steps { get; }

        /// <summary>The criteria of an <c>Action&lt;HttpMatch&gt;</c> argument, or null when it is no lambda the analyzer can follow.</summary>
        public static RequestMatch? Read(IOperation argument, Location declaredAt)
        {
            if (Lambda(argument) is not { } lambda || Branches(lambda))
            {
                return null;
            }

            var steps = new List<Step>();
            foreach (var call in Calls(lambda, HttpMatch))
            {
                var at = NameLocation(call);
                switch (call.TargetMethod.Name)
                {
                    case "PathExact":
                    case "PathPrefix":
                    case "PathRegex":
                        steps.Add(Step.Path(call.TargetMethod.Name, Constant(call, 0), at));
                        break;
                    case "Methods":
                        foreach (var method in Methods(call))
                        {
                            steps.Add(Step.Method(method, at));
                        }

                        break;
                    case "Header":
                        steps.Add(Header(call, at));
                        break;
                }
            }

            return new RequestMatch(declaredAt, steps);
        }

        // p.Deny(a).Allow(b): both calls start at p; their names are in call order.
        public static Location NameLocation(IInvocationOperation invocation) =>
            invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.GetLocation()
                : invocation.Syntax.GetLocation();

        private static int NameStart(IInvocationOperation invocation) => NameLocation(invocation).SourceSpan.Start;

        private static IAnonymousFunctionOperation? Lambda(IOperation argument)
        {
            var value = argument is IArgumentOperation a ? a.Value : argument;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } ? lambda : value as IAnonymousFunctionOperation;
        }

        private static bool Branches(IOperation operation) =>
            operation.Descendants().Any(o => o is IConditionalOperation or ILoopOperation or ISwitchOperation or ISwitchExpressionOperation
                or ICoalesceOperation or IConditionalAccessOperation or ITryOperation or IBranchOperation { BranchKind: not BranchKind.None });

        // Calls nested in a lambda passed on (a Header's) belong to that lambda, whose receiver type tells them apart.
        private static IEnumerable<IInvocationOperation> Calls(IOperation lambda, string type) =>
            lambda.Descendants()
                .OfType<IInvocationOperation>()
                .Where(i => i.TargetMethod.ContainingType?.ToDisplayString() == type)
                .OrderBy(NameStart);

        private static Step Header(IInvocationOperation call, Location at)
        {
            var name = Constant(call, 0);
            if (call.Arguments.Length < 2 || Lambda(call.Arguments[1]) is not { } lambda || Branches(lambda) || name is null)
            {
                return Step.UnknownHeader(at);
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            var ignoreCase = false;
            foreach (var inner in Calls(lambda, HeaderMatch))
            {
                var method = inner.TargetMethod.Name;
                if (Array.IndexOf(HeaderFields, method) >= 0)
                {
                    set.Add(method);
                }
                else if (method == "IgnoreCase")
                {
                    ignoreCase = true;
                }
            }

            return Step.Header(name, set.Count, ignoreCase, set.Any(f => Array.IndexOf(TextFields, f) >= 0), at);
        }

        // Methods(HttpMethod.Get, new HttpMethod("PURGE")): the method names, null where not constant.
        private static IEnumerable<string?> Methods(IInvocationOperation call)
        {
            if (call.Arguments.Length == 0)
            {
                yield break;
            }

            var value = call.Arguments[0].Value;
            if (value is not IArrayCreationOperation { Initializer: { } initializer })
            {
                yield return null;
                yield break;
            }

            foreach (var element in initializer.ElementValues)
            {
                yield return MethodName(element);
            }
        }

        private static string? MethodName(IOperation element)
        {
            while (element is IConversionOperation conversion)
            {
                element = conversion.Operand;
            }

            return element switch
            {
                // HttpMethod.Get's Method is "GET": the property's name upper-cased, for every static HttpMethod.
                IPropertyReferenceOperation { Property: { IsStatic: true } property } when property.ContainingType.ToDisplayString() == "System.Net.Http.HttpMethod" =>
                    property.Name.ToUpperInvariant(),
                IObjectCreationOperation { Arguments: { Length: 1 } arguments } creation when creation.Type?.ToDisplayString() == "System.Net.Http.HttpMethod" =>
                    arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null,
                _ => null,
            };
        }

        private static string? Constant(IInvocationOperation call, int index) =>
            call.Arguments.Length > index && call.Arguments[index].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;

        /// <summary>One criterion: a path, a method or a header, and where it is declared. A null value was not readable.</summary>
        internal sealed class Step
        {
            private Step(string kind, string? value, int fieldsSet, bool ignoreCase, bool textMatch, Location location)
            {
                Kind = kind;
                Value = value;
                FieldsSet = fieldsSet;
                IgnoreCase = ignoreCase;
                TextMatch = textMatch;
                Location = location;
            }

            /// <summary>PathExact, PathPrefix, PathRegex, Method or Header.</summary>
            public string Kind { get; }

            public string? Value { get; }

            public int FieldsSet { get; }

            public bool IgnoreCase { get; }

            public bool TextMatch { get; }

            public Location Location { get; }

            public static Step Path(string kind, string? value, Location location) => new Step(kind, value, 0, false, false, location);

            public static Step Method(string? value, Location location) => new Step("Method", value, 0, false, false, location);

            public static Step Header(string name, int fieldsSet, bool ignoreCase, bool textMatch, Location location) =>
                new Step("Header", name, fieldsSet, ignoreCase, textMatch, location);

            public static Step UnknownHeader(Location location) => new Step("Header", null, 0, false, false, location);
        }
    }
}
