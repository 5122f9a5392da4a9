using System.Globalization;
using System.Text;

namespace MeshOps.Graph;

/// <summary>
/// A Mermaid flowchart (GitHub and most wikis render it): mesh services as rounded boxes, services outside the mesh
/// dashed, unknown targets red; calls as arrows labelled with port and decision, intention-only pairs dotted, failing
/// edges thick and red.
/// </summary>
public static class MermaidGraphWriter
{
    public static string Write(MeshGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {node.Id}(\"{Escape(node.ToString())}\")");
            text.Append(node.Kind switch
            {
                MeshGraphNodeKind.OutsideMesh => ":::outside\n",
                MeshGraphNodeKind.Unknown => ":::unknown\n",
                _ => "\n",
            });
        }

        var failing = new List<int>();
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            var arrow = edge.Called ? "-->" : "-.->";
            text.Append(CultureInfo.InvariantCulture, $"    {edge.From.Id} {arrow}|\"{Escape(MeshGraphLabels.For(edge))}\"| {edge.To.Id}\n");
            if (edge.Failing)
            {
                failing.Add(i);
            }
        }

        text.Append("    classDef outside stroke-dasharray: 5 5\n");
        text.Append("    classDef unknown fill:#fde0e0,stroke:#d62728\n");
        if (failing.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"    linkStyle {string.Join(",", failing)} stroke:#d62728,stroke-width:3px,color:#d62728\n");
        }

        return text.ToString();
    }

    // Mermaid reads entity codes inside quoted labels; a quote would end the label.
    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
