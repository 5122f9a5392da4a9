using System.Collections;
using System.Management.Automation;
using MeshOps.Authoring;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Lets a -Selector typed as a hashtable also take kubectl's selector text ("app=payments,tier=backend"), the form a
/// CSV column or a property holds. Text that is no selector is refused at binding, naming the text.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LabelSelectorTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        try
        {
            var labels = new Hashtable(StringComparer.Ordinal);
            foreach (var (key, label) in LabelSelectorText.Parse(text))
            {
                labels[key] = label;
            }

            return labels;
        }
        catch (FormatException e)
        {
            throw new ArgumentTransformationMetadataException(e.Message, e);
        }
    }
}
