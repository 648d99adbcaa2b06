/** Letters: the creditor's profile, the merge model, the built-in wording, e-mail bodies and the template checker. */
export * from "./blocks";
export * from "./fields";
export * from "./model";
export * from "./profile";
export * from "./render";
export * from "./templateCheck";
export * from "./wording";
export * from "./courtFile";
export * from "./decompte";
export * from "./mapping";
