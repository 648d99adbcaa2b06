/** Font files bundled as assets: webpack gives their URL. */
declare module "*.ttf" {
  const url: string;
  export default url;
}
