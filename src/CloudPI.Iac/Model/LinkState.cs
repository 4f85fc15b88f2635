namespace CloudPI.Iac.Model;

/// <summary>How a resource refers to another: certainly, or possibly (an unknown value that no dependency traces).</summary>
public enum LinkState
{
    Linked,

    /// <summary>The property is unknown or secret and no recorded dependency names a resource of the stack.</summary>
    Unknown,
}
