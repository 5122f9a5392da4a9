using System.Globalization;
using System.Text;

namespace MeshOps.Graph;

/// <summary>A Graphviz digraph of the same drawing as <see cref="MermaidGraphWriter"/>, for <c>dot -Tsvg</c>.</summary>
public static class DotGraphWriter
{
    public static string Write(MeshGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder("digraph mesh {\n    rankdir=LR;\n    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n    edge [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in graph.Nodes)
        {
            var style = node.Kind switch
            {
                MeshGraphNodeKind.OutsideMesh => ", style=\"rounded,dashed\"",
                MeshGraphNodeKind.Unknown => ", style=\"rounded,filled\", fillcolor=\"#fde0e0\", color=\"#d62728\"",
                _ => string.Empty,
            };
            text.Append(CultureInfo.InvariantCulture, $"    {node.Id} [label=\"{Escape(node.ToString())}\"{style}];\n");
        }

        foreach (var edge in graph.Edges)
        {
            var style = (edge.Called ? string.Empty : ", style=dashed") + (edge.Failing ? ", color=\"#d62728\", fontcolor=\"#d62728\", penwidth=2" : string.Empty);
            text.Append(CultureInfo.InvariantCulture, $"    {edge.From.Id} -> {edge.To.Id} [label=\"{Escape(MeshGraphLabels.For(edge))}\"{style}];\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
