/** The catalogue domain's error codes: each typed once here, thrown through DomainException with its Chinese message. */
export enum CatalogueErrorCode {
  CATALOGUE_ITEM_NOT_FOUND = 'CATALOGUE_ITEM_NOT_FOUND',
  CATALOGUE_VERSION_NOT_FOUND = 'CATALOGUE_VERSION_NOT_FOUND',
}
