namespace CloudPI.Iac.Model;

/// <summary>How a resource refers to another: certainly, or possibly (an unknown value with no dependency record).</summary>
public enum LinkState
{
    Linked,

    /// <summary>The property is unknown and no dependency record says where it comes from.</summary>
    Unknown,
}
