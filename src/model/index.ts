export * from "./document.js";
export * from "./errors.js";
export * from "./options.js";
export * from "./working-document.js";
export * from "./meta.js";
